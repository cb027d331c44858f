// Which row gives which indicator, over a whole table (src/core/row-match.ts): codes first, then
// exact names, then resemblance; shown rows before hidden ones; a second row naming a taken
// indicator is that indicator again; plan, target, last year's and another year's rows are never
// taken by resemblance. Fixtures are built inside each test, so a mutation run credits them.
import { IndicatorMatcher, qualifiersOf } from '../../src/core/mapping';
import { RowMatch, RowToMatch, matchRows } from '../../src/core/row-match';
import { Rules, readRules } from '../../src/core/rules';
import { fold } from '../../src/core/text';
import { rulesModel } from '../helpers/model';

function setup(): { rules: Rules; m: IndicatorMatcher } {
  const { rules, problems } = readRules(
    rulesModel([
      ['HV', 'Hội Nông dân', 'Tổng số hội viên', '', 'người', '', '', '', ''],
      ['KN', 'Hội Nông dân', 'Kết nạp hội viên mới', 'Số hội viên kết nạp mới', 'người', '', '', '', ''],
      ['CCB_HV', 'Hội Cựu chiến binh', 'Tổng số hội viên', '', 'người', '', '', '', ''],
      ['DK', 'Mặt trận', 'Số hộ đăng ký gia đình văn hóa', '', 'hộ', '', '', '', ''],
      ['HO', 'Mặt trận', 'Tổng số hộ', '', 'hộ', '', '', '', ''],
      ['TL', 'Mặt trận', 'Tỷ lệ hộ đăng ký gia đình văn hóa', '', '%', '', '', '', 'DK / HO'],
      ['GS', 'Mặt trận', 'Số cuộc giám sát theo kế hoạch', '', 'cuộc', '', '', '', ''],
    ]),
  );
  expect(problems).toEqual([]);
  return { rules, m: new IndicatorMatcher(rules) };
}

const row = (label: string, section: string | null, o: Partial<RowToMatch> = {}): RowToMatch => ({ folded: fold(label), section, hidden: false, coded: null, ...o });
const show = (out: RowMatch[]) => out.map((x) => (x.status === 'matched' ? x.indicator.code : x.status === 'again' ? `again ${x.indicator.code} of ${x.first}` : x.status === 'ambiguous' ? `ambiguous ${x.candidates.join(',')}` : 'none'));
const HND = 'Hội Nông dân';
const MT = 'Mặt trận';

test('a look-alike before the row naming the indicator does not take it, whatever the order', () => {
  const { m } = setup();
  expect(show(matchRows([row('Kết nạp hội viên mới nữ', HND), row('Kết nạp hội viên mới', HND)], m, 2023))).toEqual(['none', 'KN']);
  expect(show(matchRows([row('Kết nạp hội viên mới', HND), row('Kết nạp hội viên mới nữ', HND)], m, 2023))).toEqual(['KN', 'none']);
  // Alone, a look-alike without a qualifier is still taken by resemblance.
  expect(show(matchRows([row('Kết nạp hội viên mới nữ', HND)], m, 2023))).toEqual(['KN']);
});

test('rows of a plan, a target, last year or the start of the period are never taken by resemblance', () => {
  const { m } = setup();
  for (const label of ['Kế hoạch kết nạp hội viên mới', 'KH kết nạp hội viên mới', 'Chỉ tiêu kết nạp hội viên mới', 'Kết nạp hội viên mới cùng kỳ', 'Kết nạp hội viên mới CK', 'Kết nạp hội viên mới năm trước', 'Kết nạp hội viên mới kỳ trước', 'Tổng số hội viên đầu kỳ', 'Kết nạp hội viên mới dự kiến']) {
    expect([label, show(matchRows([row(label, HND)], m, 2023))]).toEqual([label, ['none']]);
  }
  // An indicator whose own name has the word is still named by it.
  expect(show(matchRows([row('Số cuộc giám sát theo kế hoạch', MT)], m, 2023))).toEqual(['GS']);
  expect(show(matchRows([row('Số cuộc giám sát theo kế hoạch đề ra', MT)], m, 2023))).toEqual(['GS']);
});

test('a year in a label: the report\'s own is the figure, another is not, and with the report\'s year unknown a year says nothing', () => {
  const { m } = setup();
  expect(show(matchRows([row('Tổng số hội viên năm 2023', HND)], m, 2023))).toEqual(['HV']);
  expect(show(matchRows([row('Tổng số hội viên năm 2022', HND)], m, 2023))).toEqual(['none']);
  expect(show(matchRows([row('Tổng số hội viên năm 2022', HND)], m, null))).toEqual(['HV']);
  expect(qualifiersOf(fold('Kế hoạch năm 2024 cùng kỳ'))).toEqual(['ke hoach', 'cung ky', '2024']);
  expect(qualifiersOf(fold('Tổng số hội viên'))).toEqual([]);
});

test('a second row naming a taken indicator, by its name or an alias, is that indicator again, never a look-alike of another', () => {
  const { m } = setup();
  expect(show(matchRows([row('Kết nạp hội viên mới', HND), row('Số hội viên kết nạp mới', HND)], m, 2023))).toEqual(['KN', 'again KN of 0']);
  // "Số hộ đăng ký gia đình văn hóa" twice: the second is the count again, not the rate it resembles.
  expect(show(matchRows([row('Tổng số hộ', MT), row('Số hộ đăng ký gia đình văn hóa', MT), row('Số hộ đăng ký gia đình văn hóa', MT)], m, 2023))).toEqual(['HO', 'DK', 'again DK of 1']);
});

test('shown rows first: an old copy in a hidden row above never wins, and is the indicator again', () => {
  const { m } = setup();
  expect(show(matchRows([row('Tổng số hội viên', HND, { hidden: true }), row('Tổng số hội viên', HND)], m, 2023))).toEqual(['again HV of 1', 'HV']);
  // A hidden row alone is read.
  expect(show(matchRows([row('Tổng số hội viên', HND, { hidden: true })], m, 2023))).toEqual(['HV']);
});

test('a code from the template wins over every name, and a code already taken falls back to the name', () => {
  const { m, rules } = setup();
  const kn = rules.byCode.get('KN')!;
  expect(show(matchRows([row('Kết nạp hội viên mới', HND), row('Tổng số hội viên', HND, { coded: kn })], m, 2023))).toEqual(['again KN of 1', 'KN']);
  expect(show(matchRows([row('Tổng số hội viên', HND, { coded: kn }), row('Tổng số hội viên', HND, { coded: kn })], m, 2023))).toEqual(['KN', 'HV']);
});

test('a name two sections share, with no section, is ambiguous; with its section, it is that section\'s', () => {
  const { m } = setup();
  expect(show(matchRows([row('Tổng số hội viên', null)], m, 2023))).toEqual(['ambiguous HV,CCB_HV']);
  expect(show(matchRows([row('Tổng số hội viên', 'Hội Cựu chiến binh')], m, 2023))).toEqual(['CCB_HV']);
});

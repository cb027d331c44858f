// Which indicator a row goes to when its section's own indicators, a general indicator (no
// section) and another section's look-alike all share its words.
import { IndicatorMatcher, MatchResult, labelOf } from '../../src/core/mapping';
import { readRules } from '../../src/core/rules';
import { fold } from '../../src/core/text';
import { rulesModel } from '../helpers/model';

const HND = 'Hội Nông dân';
const CCB = 'Hội Cựu chiến binh';
const DTN = 'Đoàn Thanh niên';

function matcher(): IndicatorMatcher {
  const row = (code: string, section: string, name: string) => [code, section, name, '', 'Buổi', '', '', '', ''];
  const read = readRules(
    rulesModel([
      // Every organisation reports its law-awareness sessions; two have an indicator of their own.
      row('CHUNG_TT', '', 'Số buổi tuyên truyền, phổ biến pháp luật'),
      row('HND_TT', HND, 'Số buổi tuyên truyền, phổ biến pháp luật cho hội viên'),
      row('CCB_TT', CCB, 'Số buổi tuyên truyền pháp luật'),
      row('DTN_DV', DTN, 'Tổng số đoàn viên'),
    ]),
  );
  expect(read.problems).toEqual([]);
  return new IndicatorMatcher(read.rules);
}

// Built inside each test: code run while no test is running is not counted as any test's by the mutation run.
const match = (label: string, section: string | null): MatchResult => matcher().match(labelOf(label, fold(label)).folded, section);

test('under a section with no indicator of its own, the general indicator wins over another section\'s exact wording', () => {
  // Under ĐOÀN THANH NIÊN the veterans' "Số buổi tuyên truyền pháp luật" is word for word the
  // row, but it is theirs (1 less the 0.3 for another section); the general indicator shares 6
  // of its 8 words with the row (12/14, no section to add or take off).
  const r = match('Số buổi tuyên truyền pháp luật', DTN);
  expect(r).toEqual({ status: 'matched', indicator: expect.objectContaining({ code: 'CHUNG_TT' }), score: expect.closeTo(12 / 14, 12) });
});

test('under its own section the veterans\' indicator is found word for word', () => {
  const r = match('Số buổi tuyên truyền pháp luật', CCB);
  expect(r).toEqual({ status: 'matched', indicator: expect.objectContaining({ code: 'CCB_TT' }), score: 1 + 0.15 });
});

test('under a section with an indicator of its own, the row goes to it even when worded as the general one', () => {
  // The general wording is 8 of the association's 11 words (16/19), and it stands under HỘI NÔNG DÂN.
  const r = match('Số buổi tuyên truyền, phổ biến pháp luật', HND);
  expect(r).toEqual({ status: 'matched', indicator: expect.objectContaining({ code: 'HND_TT' }), score: expect.closeTo(16 / 19 + 0.15, 12) });
});

test('with no section heading, the general wording is the general indicator', () => {
  const r = match('Số buổi tuyên truyền, phổ biến pháp luật', null);
  expect(r).toEqual({ status: 'matched', indicator: expect.objectContaining({ code: 'CHUNG_TT' }), score: 1 });
});

test('a sub-heading "Trong đó:" names no section, even when the rules have a group written as a dash', () => {
  // Staff often fill an empty cell with "-": that group's name folds to nothing, like "Trong đó:"
  // once its words are taken as an enumerator.
  const read = readRules(rulesModel([['SO_HO', '-', 'Số hộ gia đình', '', 'Hộ', '', '', '', ''], ['HND_HV', HND, 'Tổng số hội viên', '', 'Người', '', '', '', '']]));
  expect(read.rules.sections).toEqual(['-', HND]);
  const m = new IndicatorMatcher(read.rules);
  expect(m.section(labelOf('Trong đó:', fold('Trong đó:')).folded)).toBeNull();
  expect(m.section(fold('HỘI NÔNG DÂN'))).toBe(HND);
});

// How close a row's wording must be to an indicator's name: the exact wording settles it even when
// another indicator uses the same words in another order, and a fuzzy match needs 0.72 of the words.
import { IndicatorMatcher, MatchResult, labelOf } from '../../src/core/mapping';
import { readRules } from '../../src/core/rules';
import { fold } from '../../src/core/text';
import { rulesModel } from '../helpers/model';

const DTN = 'Đoàn Thanh niên';

function matcher(): IndicatorMatcher {
  const row = (code: string, section: string, name: string, aliases = '') => [code, section, name, aliases, 'Người', '', '', '', ''];
  const read = readRules(
    rulesModel([
      // The Union's own officials, listed again in capitals as some templates print it.
      row('DTN_CB', DTN, 'Số cán bộ Đoàn', 'SỐ CÁN BỘ ĐOÀN'),
      // Delegations of officials the Union sent to the grassroots: the same words, another order.
      row('DTN_DOAN', DTN, 'Số đoàn cán bộ'),
      // The trade union's officials, "cán bộ đoàn" for short.
      row('LDLD_CB', 'Liên đoàn Lao động', 'Số cán bộ công đoàn', 'Số cán bộ đoàn'),
      row('HND_KHKT', 'Hội Nông dân', 'Số hội viên được tập huấn chuyển giao khoa học kỹ thuật'),
    ]),
  );
  expect(read.problems).toEqual([]);
  return new IndicatorMatcher(read.rules);
}

// Built inside each test: code run while no test is running is not counted as any test's by the mutation run.
const match = (label: string, section: string | null): MatchResult => matcher().match(labelOf(label, fold(label)).folded, section);
const code = (r: MatchResult) => (r.status === 'matched' ? r.indicator.code : r);

describe('the exact wording of a name settles the match', () => {
  test('under the section: "Số cán bộ Đoàn" is the officials, "Số đoàn cán bộ" the delegations', () => {
    expect(match('Số cán bộ Đoàn', DTN)).toEqual({ status: 'matched', indicator: expect.objectContaining({ code: 'DTN_CB' }), score: 1 + 0.15 });
    expect(code(match('- Số đoàn cán bộ', DTN))).toBe('DTN_DOAN');
  });

  test('with no section heading, a wording only one indicator uses is that indicator', () => {
    expect(match('Số đoàn cán bộ', null)).toEqual({ status: 'matched', indicator: expect.objectContaining({ code: 'DTN_DOAN' }), score: 1 });
  });
});

describe('a fuzzy match needs 0.72 of the words in common', () => {
  // The name has 12 words; the row has 13, 9 of them the name's: 2 × 9 / 25 = 0.72 exactly.
  test('at exactly 0.72 the row is matched', () => {
    const r = match('Lượt nông dân được tập huấn chuyển giao khoa học kỹ thuật nông nghiệp', null);
    expect(r).toEqual({ status: 'matched', indicator: expect.objectContaining({ code: 'HND_KHKT' }), score: 0.72 });
  });

  test('with one word fewer in common (0.64) it is not', () => {
    expect(match('Lượt nông dân được tập huấn chuyển giao khoa học kỹ năng nông nghiệp', null)).toEqual({ status: 'none' });
  });
});

// Formulas saved without a result (by script libraries) are computed where they are plain
// arithmetic, SUM or the rate column's IF; the rest are left blank and named.
import { computeMissingResults } from '../../src/core/formulas';
import { Cell, Sheet, newSheet, parseAddress, setCell } from '../../src/core/model';

/** A sheet from address → number | text | "=formula" (saved without a result). */
function sheet(cells: Record<string, number | string>): Sheet {
  const s = newSheet('Biểu 01');
  for (const [addr, v] of Object.entries(cells)) {
    const a = parseAddress(addr)!;
    const cell: Cell = typeof v === 'string' && v.startsWith('=') ? { value: null, formula: v.slice(1) } : { value: v };
    setCell(s, a.row, a.col, cell);
  }
  return s;
}

const at = (s: Sheet, addr: string) => {
  const a = parseAddress(addr)!;
  return s.rows[a.row]![a.col]!.value;
};

function compute(cells: Record<string, number | string>) {
  const given = sheet(cells);
  const before = JSON.stringify(given);
  const { workbook, uncomputed } = computeMissingResults({ name: 'a.xlsx', sheets: [given] });
  // The workbook given is left as it was: the engine never changes its input.
  expect(JSON.stringify(given)).toBe(before);
  return { s: workbook.sheets[0], left: uncomputed.flatMap((l) => l.cells) };
}

describe('computed', () => {
  test.each([
    ['E12+E13', 7],
    ['$E$12+E$13', 7],
    ['E12-E13*2', -5],
    ['(E12-E13)*2', -2],
    ['-E12+10', 7],
    ['E13/E12*100', (4 / 3) * 100],
    ['SUM(E12:E13)', 7],
    ['SUM(E12,E13,1)', 8],
    ['SUM(E12:E14;2)', 9],
    ['sum(E12:E13)+E12', 10],
    ['IF(E12=0,"",E13/E12*100)', (4 / 3) * 100],
    ['IF(E15=0,"",E13/E15*100)', ''],
    ['IF(E12<>3,1,2)', 2],
    // A template's rate: blank while a part is blank; a number is never equal to text (Excel).
    ['IF(E12="","",IF(E13="","",(E13/E12)*100))', (4 / 3) * 100],
    ['IF(E15="","",IF(E13="","",(E13/E15)*100))', ''],
    ['IF(E12="x",1,IF(E12<"",2,3))', 2],
    ['IF(E14>5,1,2)', 1],
    ['E12/E15', { error: '#DIV/0!' }],
    ['2.5*4', 10],
  ])('=%s', (formula, value) => {
    const { s, left } = compute({ E12: 3, E13: 4, E14: 'ghi chú', E16: `=${formula}` });
    expect(left).toEqual([]);
    expect(at(s, 'E16')).toEqual(value);
  });

  test('in dependency order, whatever order the cells come in; a formula with a stored result is left alone', () => {
    const { s, left } = compute({ E10: '=E11+E14', E11: '=E12+E13', E12: 3, E13: 4, E14: '=SUM(E12:E13)' });
    expect(left).toEqual([]);
    expect([at(s, 'E10'), at(s, 'E11'), at(s, 'E14')]).toEqual([14, 7, 7]);
    const kept = sheet({ E12: 3 });
    setCell(kept, 13, 5, { value: 99, formula: 'E12*2' });
    const wb = { name: 'a', sheets: [kept] };
    expect(computeMissingResults(wb)).toEqual({ workbook: wb, uncomputed: [] });
    expect(at(kept, 'E13')).toBe(99);
  });
});

describe('not computed, and named', () => {
  test.each([
    ['VLOOKUP(A1,B1:C9,2,0)'],
    ["'Biểu 02'!E12+1"],
    ['Sheet2!E12'],
    ['E12&"x"'],
    ['E14+1'], // text in arithmetic
    ['E12:E13'],
    ['SUM(A:A)'],
    ['E12+'],
  ])('=%s', (formula) => {
    const { s, left } = compute({ E12: 3, E13: 4, E14: 'ghi chú', E16: `=${formula}` });
    expect(left).toEqual(['E16']);
    expect(at(s, 'E16')).toBeNull();
  });

  test('a cycle, and what depends on it', () => {
    const { left } = compute({ E1: '=E2+1', E2: '=E1+1', E3: '=E1*2', E4: '=2' });
    expect(left.sort()).toEqual(['E1', 'E2', 'E3']);
  });
});

describe('text and booleans in arithmetic are not guessed at', () => {
  // "1.250" is 1250 under Vietnamese separators and 1.25 under English ones: the formula is left
  // blank and named rather than computed 1,000 times off.
  test.each([['E12+E13'], ['E12*2']])('%s over a figure typed as text "1.250"', (f) => {
    const { s, left } = compute({ E12: '1.250', E13: 4, E14: `=${f}` });
    expect(at(s, 'E14')).toBeNull();
    expect(left).toEqual(['E14']);
  });

  test('a TRUE among the figures leaves the total uncomputed', () => {
    const given = sheet({ E12: 3, E14: '=E12+E13' });
    setCell(given, 13, 5, { value: true });
    const { workbook, uncomputed } = computeMissingResults({ name: 'a.xlsx', sheets: [given] });
    expect(uncomputed.flatMap((l) => l.cells)).toEqual(['E14']);
    expect(at(workbook.sheets[0], 'E14')).toBeNull();
  });

  test('text in a SUM range is skipped, as Excel skips it', () => {
    const { s, left } = compute({ E12: 3, E13: 'ghi chú', E14: '=SUM(E12:E13)' });
    expect(at(s, 'E14')).toBe(3);
    expect(left).toEqual([]);
  });
});

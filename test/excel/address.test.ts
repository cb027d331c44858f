// The adapter's address helpers, with literal expected addresses: what Excel is sent to format many
// cells in one call, and how the addresses it returns are read back.
import { MAX_ADDRESS_CHARS, MAX_AREAS, addressLists, packCells, parseQualifiedRange, parseRange, quoteSheet, qualified, rangeAddress, splitAreas } from '../../src/excel/address';

describe('rangeAddress and qualified', () => {
  test('a single cell is "B3", a rectangle "B3:D9"', () => {
    expect(rangeAddress({ top: 3, left: 2, bottom: 3, right: 2 })).toBe('B3');
    expect(rangeAddress({ top: 3, left: 2, bottom: 9, right: 4 })).toBe('B3:D9');
    expect(rangeAddress({ top: 3, left: 2, bottom: 3, right: 4 })).toBe('B3:D3');
    expect(rangeAddress({ top: 3, left: 2, bottom: 4, right: 2 })).toBe('B3:B4');
  });

  test.each([
    ['Sheet1', 'Sheet1'],
    ['_x.y', '_x.y'],
    ['ABCD1', 'ABCD1'], // four letters: no column is called that
    ['Tổng hợp', "'Tổng hợp'"],
    ['A1', "'A1'"], // reads as a cell
    ['XFD1048576', "'XFD1048576'"],
    ['2023', "'2023'"],
    ['Ban Dân vận', "'Ban Dân vận'"],
    ["O'Brien", "'O''Brien'"],
    ['a-b', "'a-b'"],
  ])('quoteSheet(%j) is %s', (name, quoted) => {
    expect(quoteSheet(name)).toBe(quoted);
  });

  test('a qualified address quotes the sheet as Excel does', () => {
    expect(qualified('Tổng hợp', 'A1:H40')).toBe("'Tổng hợp'!A1:H40");
    expect(qualified('Sheet1', 'C3')).toBe('Sheet1!C3');
  });
});

describe('reading the addresses Excel returns', () => {
  test('splitAreas drops the sheet and splits on commas and semicolons outside quotes', () => {
    expect(splitAreas("Sheet1!A1:B2, 'Tổng hợp'!C3")).toEqual(['A1:B2', 'C3']);
    expect(splitAreas("'a,b'!A1,'a,b'!B2")).toEqual(['A1', 'B2']);
    expect(splitAreas("'x;y'!A1;C4:D5")).toEqual(['A1', 'C4:D5']);
    expect(splitAreas('A1,,B2, ')).toEqual(['A1', 'B2']);
    expect(splitAreas("'it''s'!E5")).toEqual(['E5']);
    expect(splitAreas('')).toEqual([]);
  });

  test('parseRange reads absolute and reversed addresses into one rectangle', () => {
    expect(parseRange('$A$1:$C$9')).toEqual({ top: 1, left: 1, bottom: 9, right: 3 });
    expect(parseRange('C9:A1')).toEqual({ top: 1, left: 1, bottom: 9, right: 3 });
    expect(parseRange('A9:C1')).toEqual({ top: 1, left: 1, bottom: 9, right: 3 });
    expect(parseRange('B2')).toEqual({ top: 2, left: 2, bottom: 2, right: 2 });
    expect(parseRange('tổng')).toBeNull();
    expect(parseRange('A1:??')).toBeNull();
  });

  test('parseQualifiedRange reads the first area of a qualified address', () => {
    expect(parseQualifiedRange("'Tổng hợp'!A1:H40")).toEqual({ top: 1, left: 1, bottom: 40, right: 8 });
    expect(parseQualifiedRange('Sheet1!B2:C3,D4')).toEqual({ top: 2, left: 2, bottom: 3, right: 3 });
    expect(parseQualifiedRange('')).toBeNull();
  });
});

describe('packCells: many cells as few rectangles', () => {
  const cellsOf = (top: number, left: number, bottom: number, right: number) => {
    const out: Array<{ row: number; col: number }> = [];
    for (let row = top; row <= bottom; row++) for (let col = left; col <= right; col++) out.push({ row, col });
    return out;
  };

  test('a block of cells, given in any order and with repeats, is one rectangle', () => {
    const cells = cellsOf(2, 3, 5, 6).reverse();
    cells.push({ row: 3, col: 4 });
    expect(packCells(cells)).toEqual([{ top: 2, left: 3, bottom: 5, right: 6 }]);
  });

  test('runs of a row stack down while they stay the same; a gap of a row closes them', () => {
    const cells = [...cellsOf(1, 1, 2, 2), ...cellsOf(1, 4, 1, 4), ...cellsOf(4, 1, 4, 2)];
    expect(packCells(cells).map(rangeAddress).sort()).toEqual(['A1:B2', 'A4:B4', 'D1']);
  });

  test('a run that changes width starts a new rectangle', () => {
    const cells = [...cellsOf(1, 1, 1, 3), ...cellsOf(2, 1, 2, 2), ...cellsOf(3, 1, 3, 2)];
    expect(packCells(cells).map(rangeAddress).sort()).toEqual(['A1:C1', 'A2:B3']);
  });

  test('a run that comes back after a row without it is a new rectangle', () => {
    const cells = [{ row: 1, col: 1 }, { row: 2, col: 2 }, { row: 3, col: 1 }];
    expect(packCells(cells).map(rangeAddress).sort()).toEqual(['A1', 'A3', 'B2']);
  });

  test('no cells, no rectangles', () => {
    expect(packCells([])).toEqual([]);
  });
});

describe('addressLists: one getRanges call per list', () => {
  const cell = (row: number) => ({ top: row, left: 1, bottom: row, right: 1 });

  test('a list stops before it passes the characters allowed', () => {
    const rects = [1, 2, 3, 4].map(cell); // "A1" … "A4": 2 characters each, 1 for each comma
    expect(addressLists(rects, 5)).toEqual(['A1,A2', 'A3,A4']);
    expect(addressLists(rects, 7)).toEqual(['A1,A2', 'A3,A4']);
    expect(addressLists(rects, 8)).toEqual(['A1,A2,A3', 'A4']);
    expect(addressLists(rects, 11)).toEqual(['A1,A2,A3,A4']);
    expect(addressLists(rects, 10)).toEqual(['A1,A2,A3', 'A4']);
  });

  test('a list holds at most the areas allowed', () => {
    const rects = [1, 2, 3, 4, 5].map(cell);
    expect(addressLists(rects, 1000, 2)).toEqual(['A1,A2', 'A3,A4', 'A5']);
    expect(addressLists([], 1000, 2)).toEqual([]);
  });

  test('the defaults stay under Excel\'s limits: 8,000 characters and 500 areas a call', () => {
    expect([MAX_ADDRESS_CHARS, MAX_AREAS]).toEqual([8000, 500]);
    const many = Array.from({ length: 1200 }, (_, i) => cell(i + 1));
    const lists = addressLists(many);
    expect(lists.map((l) => l.split(',').length)).toEqual([500, 500, 200]);
    const wide = Array.from({ length: 900 }, (_, i) => ({ top: 100000 + i, left: 1, bottom: 100000 + i, right: 16384 }));
    const wideLists = addressLists(wide);
    for (const l of wideLists) expect(l.length).toBeLessThanOrEqual(8000);
    expect(wideLists.join(',').split(',').length).toBe(900);
  });
});

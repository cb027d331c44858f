// How a planned sheet prints: A4 landscape, one page wide, the title and header rows repeated on
// every page, a print area over what was planned, the period in the footer (the adapter adds the
// page number), and rows tall enough for their wrapped labels. LibreOffice and printers take the
// stored row height as it is (only Excel fits rows when it opens a file), so the heights are
// computed here from the labels' length and the columns' widths.
import { columnLetter } from './model';
import { PlannedSheet, fitRowHeights } from './plan';

/** The sheet with its page setup and row heights; `period` goes in the footer ("Năm 2023"). */
export function printable(sheet: PlannedSheet, period: string): PlannedSheet {
  const area = printArea(sheet);
  const heights = { ...fitRowHeights(sheet), ...(sheet.rowHeights ?? {}) };
  return {
    ...sheet,
    rowHeights: heights,
    page: {
      orientation: 'landscape',
      fitToWidth: true,
      // The frozen rows are the title and header rows: what a reader needs on every page.
      ...(sheet.frozenRows > 0 ? { repeatRows: `1:${sheet.frozenRows}` } : {}),
      ...(area ? { printArea: area } : {}),
      footer: `${sheet.name} – ${period}`,
      ...(sheet.page ?? {}),
    },
  };
}

/** "A1:AG20": from A1 to the last planned cell or merge (charts float and are left out). */
export function printArea(sheet: PlannedSheet): string | undefined {
  let rows = 0;
  let cols = sheet.widths.length;
  for (const c of sheet.cells) {
    rows = Math.max(rows, c.row);
    cols = Math.max(cols, c.col);
  }
  for (const m of sheet.merges) {
    rows = Math.max(rows, m.bottom);
    cols = Math.max(cols, m.right);
  }
  return rows && cols ? `A1:${columnLetter(cols)}${rows}` : undefined;
}

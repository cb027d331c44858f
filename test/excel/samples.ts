// The samples as an office keeps them inside Excel, shared by the adapter tests on the real
// engine output: one workbook, one sheet per unit report.
import path from 'path';
import type { CellFlag } from '../../src/core/plan';
import type { WorkbookModel } from '../../src/core/model';
import { parseAddress } from '../../src/core/model';
import { FakeExcel } from './fakeExcel';
import { loadXlsx } from './xlsxModel';

export const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

const REPORTS = ['BC-DanVan-2023-PhuongHoaLac', 'DongTam_BC_2023', 'PhuThinh_2023_final', 'ThanhSon', 'Yen Binh - bieu 01', 'bao cao dan van nam 2023 - Tan Thanh'];

export async function officeWorkbook(): Promise<WorkbookModel> {
  const sheets = [];
  for (const n of REPORTS) {
    const m = await loadXlsx(path.join(EXAMPLES, 'bao-cao', `${n}.xlsx`));
    sheets.push({ ...m.sheets[0], name: n.slice(0, 31) });
  }
  return { name: 'Báo cáo 2023.xlsx', sheets };
}

/**
 * What a user may have done to cells the add-in will flag: a solid fill, a patterned fill
 * (where the host can read patterns back), a note or a comment of their own.
 */
export function withUserMarks(h: FakeExcel, flags: CellFlag[], api: string): FakeExcel {
  const at = (f: CellFlag) => {
    const a = parseAddress(f.cell)!;
    return h.sheet(f.sheet).at(a.row, a.col);
  };
  at(flags[0]).fill = { pattern: 'Solid', color: '#92D050', patternColor: '#000000' };
  if (api !== '1.7') at(flags[1]).fill = { pattern: 'Gray25', color: '#FFFF00', patternColor: '#FF0000' };
  if (api === '1.18') h.sheet(flags[2].sheet).notes.set(flags[2].cell, 'Ghi chú của người dùng');
  if (api === '1.12') h.state.comments.push({ id: 'u1', sheet: h.sheet(flags[2].sheet), cell: flags[2].cell, content: 'Bình luận của người dùng' });
  return h;
}

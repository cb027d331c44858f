// The sample targets (examples/chi-tieu-2023.xlsx), bundled into the pane so "Chèn bảng chỉ
// tiêu mẫu" works offline and with no request outside the add-in's own files. Loaded, with the
// file readers, only when the sample is asked for (index.tsx imports it on demand).
import type { WorkbookModel } from '../core/model';
import { readWorkbookBuffer } from '../files/read';
import { isRulesSheet } from './check';
import sampleRulesUrl from '../../examples/chi-tieu-2023.xlsx';

export async function sampleRulesModel(): Promise<WorkbookModel> {
  const model = await readWorkbookBuffer(dataUrlBytes(sampleRulesUrl), 'chi-tieu-2023.xlsx');
  return { ...model, sheets: model.sheets.filter((s) => isRulesSheet(s.name)) };
}

function dataUrlBytes(url: string): Uint8Array {
  const base64 = url.slice(url.indexOf(',') + 1);
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

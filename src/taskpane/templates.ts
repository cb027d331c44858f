// The templates `chitieu mau` writes (src/files/template.ts), made in the pane from the chosen
// rules: one workbook per roster unit (or one for any unit), in one zip offered for download
// (a browser lets a click download one file, not seven). Loaded as a chunk of its own on the
// first click: ExcelJS is not part of the pane's first load.
import { zipSync } from 'fflate';
import { planTemplates } from '../core/plan-template';
import type { Rules } from '../core/rules';
import { templateBytes, templateFileNames } from '../files/template';

export const TEMPLATE_ZIP = 'bieu-mau.zip';

export interface TemplateZip {
  name: string;
  bytes: Uint8Array;
  /** The files in it, in roster order. */
  files: string[];
}

export async function templateZip(rules: Rules): Promise<TemplateZip> {
  const templates = planTemplates(rules);
  const files = templateFileNames(templates);
  const entries: Record<string, Uint8Array> = {};
  for (let i = 0; i < templates.length; i++) entries[files[i]] = await templateBytes(templates[i]);
  // The .xlsx files are zips already: stored, not compressed again. A fixed date keeps the
  // zip identical for identical rules.
  const bytes = zipSync(entries, { level: 0, mtime: new Date(Date.UTC(2000, 0, 1)) });
  return { name: TEMPLATE_ZIP, bytes, files };
}

// Real .xlsx fixtures into the engine's model, through the same reader as the command line.
import { promises as fs } from 'fs';
import * as path from 'path';
import { WorkbookModel } from '../../src/core/model';
import { readWorkbookBuffer } from '../../src/files/read';

export async function loadXlsx(file: string): Promise<WorkbookModel> {
  return readWorkbookBuffer(await fs.readFile(file), path.basename(file));
}

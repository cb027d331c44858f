// The draft report as a Word document (bao-cao.docx), for staff to paste into the office's own
// report: the paragraphs the rollup's "Báo cáo" sheet holds, in Times New Roman 14 as
// administrative documents are set, justified, on A4, pages numbered at the top from the second
// on, a heading kept with its first paragraph. Text is data: the library escapes it.
import { promises as fs } from 'fs';
import type * as Docx from 'docx';
import type { Paragraph as DraftParagraph } from '../core/narrative';

const FONT = 'Times New Roman';
/** Half-points: 14 pt body, 14 pt bold headings, 15 pt title. */
const SIZE = { title: 30, heading: 28, body: 28 } as const;
/** A4 in twentieths of a point, with the margins of Decree 30/2020 (2 cm top and bottom, 3 cm left, 1,5 cm right). */
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 851 };

/** The docx library, loaded when a draft is written (a run that writes none never pays for it). */
function docx(): typeof Docx {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('docx') as typeof Docx;
}

export function reportDocument(paragraphs: DraftParagraph[]): Docx.Document {
  const { AlignmentType, Document, Header, PageNumber, Paragraph, TextRun } = docx();
  return new Document({
    creator: 'chitieu',
    title: paragraphs[0]?.text ?? 'Dự thảo báo cáo',
    sections: [
      {
        // The page number at the top centre from the second page on, as Decree 30/2020 sets it.
        properties: { page: { size: A4, margin: MARGIN }, titlePage: true },
        headers: {
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE.body })] })] }),
          first: new Header({ children: [] }),
        },
        children: paragraphs.map(
          (p) =>
            new Paragraph({
              alignment: p.style === 'title' ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
              spacing: { before: p.style === 'heading' ? 160 : 0, after: p.style === 'title' ? 360 : 120, line: 300 },
              indent: p.style === 'body' ? { firstLine: 567 } : undefined,
              // A heading never ends a page apart from its text; no paragraph leaves one line behind.
              keepNext: p.style !== 'body',
              widowControl: true,
              children: [new TextRun({ text: xmlSafe(p.text), font: FONT, size: SIZE[p.style], bold: p.style !== 'body' })],
            }),
        ),
      },
    ],
  });
}

/** The draft through the docx library: the reference the lean writer (./docx-writer) is compared with. */
export async function writeReportDocxWithLibrary(paragraphs: DraftParagraph[], file: string): Promise<void> {
  await fs.writeFile(file, await docx().Packer.toBuffer(reportDocument(paragraphs)));
}

/** The draft as bao-cao.docx, by the lean writer, which writes the body the library wrote. */
export async function writeReportDocx(paragraphs: DraftParagraph[], file: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { writeDraftDocx } = require('./docx-writer') as typeof import('./docx-writer');
  await writeDraftDocx(paragraphs, file);
}

/**
 * Text quoted from a report may hold control characters (a cell's "_x000B_" is one); XML 1.0
 * does not allow them, and Word refuses a document that has one. They are dropped.
 */
export function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

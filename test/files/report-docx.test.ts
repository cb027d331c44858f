// The draft report as .docx: text quoted from a unit's report stays data and the document stays valid XML.
import { Packer } from 'docx';
import JSZip from 'jszip';
import { promises as fs } from 'fs';
import path from 'path';
import { CheckSession, readRules } from '../../src/core';
import { draftReport } from '../../src/core/narrative';
import { draftBody, draftDocxBytes } from '../../src/files/docx-writer';
import { readWorkbookBuffer } from '../../src/files/read';
import { reportDocument, xmlSafe } from '../../src/files/report-docx';
import { EXAMPLES, sampleReports } from '../helpers/samples';

async function samplesResult() {
  const { rules, problems } = readRules(await readWorkbookBuffer(await fs.readFile(path.join(EXAMPLES, 'chi-tieu-2023.xlsx')), 'chi-tieu-2023.xlsx'));
  const session = new CheckSession(rules, problems);
  for (const r of await sampleReports()) session.addWorkbook(await readWorkbookBuffer(r.bytes, r.name));
  return session.finish();
}

test('control characters quoted from a report are dropped; letters, tabs and line breaks stay', () => {
  expect(xmlSafe('Ấp\u000BBình\u0000 An\u001F\tđạt\n100%\uFFFE')).toBe('ẤpBình An\tđạt\n100%');
});

test('a paragraph with a vertical tab from a cell ("_x000B_") still makes a well-formed document', async () => {
  const doc = reportDocument([{ style: 'body', text: 'Đơn vị "Xã A\u000BB" <b>&amp; gửi báo cáo' }]);
  const zip = await JSZip.loadAsync(await Packer.toBuffer(doc));
  const xml = await zip.file('word/document.xml')!.async('string');
  // eslint-disable-next-line no-control-regex
  expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  expect(xml).toContain('Xã AB');
  expect(xml).toContain('&lt;b&gt;');
});

describe('the lean writer of the draft writes the body the docx library wrote', () => {
  const bodyOf = (xml: string) => xml.slice(xml.indexOf('<w:body>'), xml.indexOf('</w:body>') + '</w:body>'.length);

  async function both(paragraphs: Parameters<typeof draftBody>[0]) {
    const zip = await JSZip.loadAsync(await Packer.toBuffer(reportDocument(paragraphs)));
    const library = bodyOf(await zip.file('word/document.xml')!.async('string'));
    const leanZip = await JSZip.loadAsync(draftDocxBytes(paragraphs));
    const lean = await leanZip.file('word/document.xml')!.async('string');
    return { library, lean: bodyOf(lean), leanXml: lean };
  }

  test('the samples\' draft', async () => {
    const paragraphs = draftReport(await samplesResult());
    expect(paragraphs.length).toBeGreaterThan(10);
    const { library, lean } = await both(paragraphs);
    expect(lean).toBe(library);
  });

  test('each style, text to escape, control characters, an empty line', async () => {
    const paragraphs = [
      { style: 'title' as const, text: 'DỰ THẢO <&> "năm" \'2023\'' },
      { style: 'heading' as const, text: '  I. Kết quả  ' },
      { style: 'body' as const, text: 'Xã A\u000BB\u0000 & <b>' },
      { style: 'body' as const, text: '' },
    ];
    const { library, lean, leanXml } = await both(paragraphs);
    expect(lean).toBe(library);
    // eslint-disable-next-line no-control-regex
    expect(leanXml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });

  test('a different paragraph is seen (the comparison can fail)', async () => {
    const { library } = await both([{ style: 'body', text: 'a' }]);
    const { lean } = await both([{ style: 'heading', text: 'a' }]);
    expect(lean).not.toBe(library);
  });
});

test('headings keep with their text; pages are numbered in the header from the second on', async () => {
  // What is written: the lean writer's file.
  const zip = await JSZip.loadAsync(
    draftDocxBytes([
      { style: 'title', text: 'DỰ THẢO' },
      { style: 'heading', text: 'Hội Nông dân' },
      { style: 'body', text: 'Tổng số hội viên: 4.900 người.' },
    ]),
  );
  const xml = await zip.file('word/document.xml')!.async('string');
  const paragraph = (t: string) => xml.split('<w:p>').find((p) => p.includes(t))!;
  expect(paragraph('Hội Nông dân')).toContain('<w:keepNext/>');
  expect(paragraph('DỰ THẢO')).toContain('<w:keepNext/>');
  expect(paragraph('4.900')).not.toContain('<w:keepNext/>');
  expect(xml).toContain('<w:titlePg/>');
  const headers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/header\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
  expect(headers.filter((h) => h.includes('PAGE'))).toHaveLength(1);
});

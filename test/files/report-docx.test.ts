// The draft report as .docx: text quoted from a unit's report stays data and the document stays valid XML.
import { Packer } from 'docx';
import JSZip from 'jszip';
import { reportDocument, xmlSafe } from '../../src/files/report-docx';

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

test('headings keep with their text; pages are numbered in the header from the second on', async () => {
  const doc = reportDocument([
    { style: 'title', text: 'DỰ THẢO' },
    { style: 'heading', text: 'Hội Nông dân' },
    { style: 'body', text: 'Tổng số hội viên: 4.900 người.' },
  ]);
  const zip = await JSZip.loadAsync(await Packer.toBuffer(doc));
  const xml = await zip.file('word/document.xml')!.async('string');
  const paragraph = (t: string) => xml.split('<w:p>').find((p) => p.includes(t))!;
  expect(paragraph('Hội Nông dân')).toContain('<w:keepNext/>');
  expect(paragraph('DỰ THẢO')).toContain('<w:keepNext/>');
  expect(paragraph('4.900')).not.toContain('<w:keepNext/>');
  expect(xml).toContain('<w:titlePg/>');
  const headers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/header\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
  expect(headers.filter((h) => h.includes('PAGE'))).toHaveLength(1);
});

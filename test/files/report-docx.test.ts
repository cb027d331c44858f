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

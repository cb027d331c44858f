// The draft report (bao-cao.docx) written directly as WordprocessingML: one paragraph per line
// of the draft, Times New Roman 14 (15 for the title), justified, on A4 with the margins of
// Decree 30/2020, the page number at the top centre from the second page on, a heading kept with
// its first paragraph and no paragraph leaving a single line on a page. The body is the one the docx library wrote (test/files/report-docx.test.ts
// compares them), without loading that library (half a second of a province's command).
import { promises as fs } from 'fs';
import type { Paragraph as DraftParagraph } from '../core/narrative';
import { xmlSafe } from './report-docx';
import { xmlText } from './xlsx-writer';
import { ZipBuilder } from './zip-writer';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const FONT = 'Times New Roman';
/** Half-points: 14 pt body, 14 pt bold headings, 15 pt title. */
const SIZE = { title: 30, heading: 28, body: 28 } as const;
const FIXED_DATE = '2000-01-01T00:00:00Z';
/** The headers' relationship ids, as the docx library numbers them (the bodies compare equal). */
const HEADER_IDS = { default: 'rId7', first: 'rId8' } as const;
/** The page number, centred, in the body's font. */
const PAGE_NUMBER =
  `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="${FONT}" w:cs="${FONT}" w:eastAsia="${FONT}" w:hAnsi="${FONT}"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>` +
  '<w:fldChar w:fldCharType="begin"/><w:instrText xml:space="preserve">PAGE</w:instrText><w:fldChar w:fldCharType="separate"/><w:fldChar w:fldCharType="end"/></w:r></w:p>';

function paragraphXml(p: DraftParagraph): string {
  const before = p.style === 'heading' ? 160 : 0;
  const after = p.style === 'title' ? 360 : 120;
  const keepNext = p.style !== 'body' ? '<w:keepNext/>' : '<w:keepNext w:val="false"/>';
  const indent = p.style === 'body' ? '<w:ind w:firstLine="567"/>' : '';
  const jc = p.style === 'title' ? 'center' : 'both';
  const bold = p.style !== 'body' ? '<w:b/><w:bCs/>' : '<w:b w:val="false"/><w:bCs w:val="false"/>';
  const size = SIZE[p.style];
  return (
    `<w:p><w:pPr>${keepNext}<w:widowControl/><w:spacing w:after="${after}" w:before="${before}" w:line="300"/>${indent}<w:jc w:val="${jc}"/></w:pPr>` +
    `<w:r><w:rPr><w:rFonts w:ascii="${FONT}" w:cs="${FONT}" w:eastAsia="${FONT}" w:hAnsi="${FONT}"/>${bold}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>` +
    `<w:t xml:space="preserve">${xmlText(xmlSafe(p.text))}</w:t></w:r></w:p>`
  );
}

/** The document's body: the paragraphs, then A4, its margins and its headers (none on the first page). */
export function draftBody(paragraphs: DraftParagraph[]): string {
  return (
    `<w:body>${paragraphs.map(paragraphXml).join('')}` +
    `<w:sectPr><w:headerReference w:type="default" r:id="${HEADER_IDS.default}"/><w:headerReference w:type="first" r:id="${HEADER_IDS.first}"/>` +
    '<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/><w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701" w:header="708" w:footer="708" w:gutter="0"/><w:pgNumType/><w:titlePg/><w:docGrid w:linePitch="360"/></w:sectPr></w:body>'
  );
}

export function draftDocxBytes(paragraphs: DraftParagraph[]): Buffer {
  const zip = new ZipBuilder();
  zip.add(
    '[Content_Types].xml',
    XML_HEAD +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>' +
      '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
      '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' +
      '<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
  );
  zip.add(
    '_rels/.rels',
    XML_HEAD +
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${NS_R}/officeDocument" Target="word/document.xml"/>` +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
  );
  // Laid out as Word 2013 and later lay out a document, with no default style of the program's
  // own (the docx library's settings).
  zip.add(
    'word/_rels/document.xml.rels',
    XML_HEAD +
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${NS_R}/settings" Target="settings.xml"/><Relationship Id="rId2" Type="${NS_R}/styles" Target="styles.xml"/>` +
      `<Relationship Id="${HEADER_IDS.default}" Type="${NS_R}/header" Target="header1.xml"/><Relationship Id="${HEADER_IDS.first}" Type="${NS_R}/header" Target="header2.xml"/></Relationships>`,
  );
  zip.add('word/header1.xml', XML_HEAD + `<w:hdr xmlns:w="${NS_W}" xmlns:r="${NS_R}">${PAGE_NUMBER}</w:hdr>`);
  zip.add('word/header2.xml', XML_HEAD + `<w:hdr xmlns:w="${NS_W}" xmlns:r="${NS_R}"/>`);
  zip.add('word/styles.xml', XML_HEAD + `<w:styles xmlns:w="${NS_W}"><w:docDefaults><w:rPrDefault/><w:pPrDefault/></w:docDefaults></w:styles>`);
  zip.add(
    'word/settings.xml',
    XML_HEAD + `<w:settings xmlns:w="${NS_W}"><w:evenAndOddHeaders w:val="false"/><w:compat><w:compatSetting w:val="15" w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word"/></w:compat></w:settings>`,
  );
  zip.add('word/document.xml', XML_HEAD + `<w:document xmlns:w="${NS_W}" xmlns:r="${NS_R}">${draftBody(paragraphs)}</w:document>`);
  // A fixed date keeps the file identical for identical inputs.
  zip.add(
    'docProps/core.xml',
    XML_HEAD +
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:title>${xmlText(xmlSafe(paragraphs[0]?.text ?? 'Dự thảo báo cáo'))}</dc:title><dc:creator>chitieu</dc:creator>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${FIXED_DATE}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${FIXED_DATE}</dcterms:modified></cp:coreProperties>`,
  );
  return zip.bytes();
}

export async function writeDraftDocx(paragraphs: DraftParagraph[], file: string): Promise<void> {
  await fs.writeFile(file, draftDocxBytes(paragraphs));
}

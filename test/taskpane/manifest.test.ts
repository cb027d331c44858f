// The manifest for an office's deployment (scripts/manifest.js, used by `npm run build -- --env
// publicUrl=…`): every address of the development manifest moved to the public one. That it
// validates against Microsoft's schemas is checked by .ci/run (xmllint); that it points at files
// the build writes, by the end-to-end test on the built site.
import fs from 'fs';
import path from 'path';

const { manifestFor, publicBase, DEV_ORIGIN } = require('../../scripts/manifest') as {
  manifestFor: (xml: string, url: string) => string;
  publicBase: (url: string) => string;
  DEV_ORIGIN: string;
};

const DEV_MANIFEST = fs.readFileSync(path.join(__dirname, '../../manifest.xml'), 'utf8');
const urls = (xml: string) => [...xml.matchAll(/DefaultValue="(https:[^"]+)"/g)].map((m) => m[1]);

describe('the manifest for a public address', () => {
  test('every address moves there: the pane, the help page, the icons; the app domain is its origin', () => {
    const xml = manifestFor(DEV_MANIFEST, 'https://chitieu.example.vn/kiem-tra');
    const before = urls(DEV_MANIFEST);
    const after = urls(xml);
    expect(after).toHaveLength(before.length);
    after.forEach((u, i) => expect(u).toBe(before[i].replace(`${DEV_ORIGIN}/`, 'https://chitieu.example.vn/kiem-tra/')));
    expect(xml).toMatch(/<SourceLocation DefaultValue="https:\/\/chitieu\.example\.vn\/kiem-tra\/taskpane\.html"\/>/);
    expect(xml).toMatch(/<SupportUrl DefaultValue="https:\/\/chitieu\.example\.vn\/kiem-tra\/help\.html"\/>/);
    expect(xml).toContain('<AppDomain>https://chitieu.example.vn</AppDomain>');
    expect(xml).not.toContain('localhost');
    // Nothing else changes: the same manifest, addresses aside.
    const back = xml.split('https://chitieu.example.vn/kiem-tra/').join(`${DEV_ORIGIN}/`).split('<AppDomain>https://chitieu.example.vn<').join(`<AppDomain>${DEV_ORIGIN}<`);
    expect(back).toBe(DEV_MANIFEST);
  });

  test('the development manifest points at localhost, its support link at the help page', () => {
    expect(urls(DEV_MANIFEST).every((u) => u.startsWith(`${DEV_ORIGIN}/`))).toBe(true);
    expect(DEV_MANIFEST).toContain(`<SupportUrl DefaultValue="${DEV_ORIGIN}/help.html"/>`);
  });

  test.each([
    ['https://tinh.gov.vn/chitieu', 'https://tinh.gov.vn/chitieu/'],
    ['https://tinh.gov.vn/chitieu/', 'https://tinh.gov.vn/chitieu/'],
    ['https://tinh.gov.vn', 'https://tinh.gov.vn/'],
    ['https://tinh.gov.vn:8443/a b/', 'https://tinh.gov.vn:8443/a%20b/'],
  ])('%s is served as %s', (given, base) => {
    expect(publicBase(given)).toBe(base);
  });

  test.each([
    ['http://tinh.gov.vn/chitieu/', /https/],
    ['tinh.gov.vn/chitieu/', /không phải địa chỉ đầy đủ/],
    ['https://tinh.gov.vn/chitieu/?v=1', /"\?" hay "#"/],
    ['https://tinh.gov.vn/chitieu/#x', /"\?" hay "#"/],
    ['https://user:pw@tinh.gov.vn/', /mật khẩu/],
  ])('%s is refused, saying why', (given, why) => {
    expect(() => publicBase(given)).toThrow(why);
  });
});

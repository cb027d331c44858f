// The add-in manifest for a deployment. manifest.xml points at https://localhost:3000 for
// development; an office serves dist-addin/ from its own HTTPS address, and every address of the
// manifest (the pane, the help page, the icons, the app domain) moves there. Used by
// webpack.config.js (npm run build -- --env publicUrl=…) and by .ci/run, which validates the
// result against Microsoft's schemas:
//   node scripts/manifest.js https://example.vn/chitieu/ out/manifest.xml
'use strict';
const fs = require('fs');
const path = require('path');

/** Where manifest.xml points during development. */
const DEV_ORIGIN = 'https://localhost:3000';

/**
 * The public address as the manifest needs it: absolute https, no query or fragment, ending
 * with "/". Throws a message that says what is wrong (in Vietnamese, then English).
 */
function publicBase(url) {
  let u;
  try {
    u = new URL(String(url));
  } catch {
    throw new Error(`publicUrl "${url}" không phải địa chỉ đầy đủ (ví dụ https://tenmien.vn/chitieu/) / is not an absolute address`);
  }
  if (u.protocol !== 'https:') throw new Error(`publicUrl "${url}" phải dùng https: Office chỉ mở phần bổ trợ qua HTTPS / must be https: Office opens add-ins over HTTPS only`);
  if (u.search || u.hash) throw new Error(`publicUrl "${url}" không được có "?" hay "#" / must not have a query or fragment`);
  if (u.username || u.password) throw new Error(`publicUrl "${url}" không được chứa tên đăng nhập hay mật khẩu / must not carry credentials`);
  return u.href.endsWith('/') ? u.href : `${u.href}/`;
}

/** manifest.xml with every development address moved to `publicUrl`. */
function manifestFor(xml, publicUrl) {
  const base = publicBase(publicUrl);
  const origin = new URL(base).origin;
  const moved = xml.split(`${DEV_ORIGIN}/`).join(base).split(`<AppDomain>${DEV_ORIGIN}</AppDomain>`).join(`<AppDomain>${origin}</AppDomain>`);
  if (moved.includes(DEV_ORIGIN)) throw new Error(`manifest.xml still names ${DEV_ORIGIN} where it cannot be moved`);
  return moved;
}

module.exports = { DEV_ORIGIN, publicBase, manifestFor };

if (require.main === module) {
  const [url, out] = process.argv.slice(2);
  if (!url || !out) {
    console.error('node scripts/manifest.js <publicUrl> <out.xml>');
    process.exit(2);
  }
  const xml = fs.readFileSync(path.join(__dirname, '..', 'manifest.xml'), 'utf8');
  fs.writeFileSync(out, manifestFor(xml, url));
}

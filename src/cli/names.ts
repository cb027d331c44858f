// File names made from text the office and the units wrote (a unit's name): safe on Windows and
// macOS, and never a path. Vietnamese letters are kept: both systems store them.
const FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;
const MAX = 100;

export function safeFileName(text: string, fallback = 'don-vi'): string {
  let s = text.normalize('NFC').replace(FORBIDDEN, '-').replace(/\s+/g, ' ').trim();
  // Windows drops trailing dots and spaces; a leading dot hides the file on macOS.
  s = s.replace(/^[.\s]+|[.\s]+$/g, '');
  if (s.length > MAX) s = s.slice(0, MAX).replace(/[.\s]+$/g, '');
  if (!s) s = fallback;
  if (RESERVED.test(s)) s = `_${s}`;
  return s;
}

/** Names for several files from several texts, told apart when two come out the same (case ignored). */
export function uniqueFileNames(texts: string[], ext: string): string[] {
  const used = new Set<string>();
  return texts.map((t) => {
    const base = safeFileName(t);
    let name = `${base}${ext}`;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base} (${i})${ext}`;
    used.add(name.toLowerCase());
    return name;
  });
}

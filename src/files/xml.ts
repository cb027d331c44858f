// A small XML tokenizer for the parts of an .xlsx: elements, attributes and text, nothing else.
// No entity definitions are honoured (a DOCTYPE is skipped whole), so no entity expansion and
// no external reference can be triggered by a file. Element and attribute names lose their
// namespace prefix ("x:c" → "c", "r:id" → "id"), so transitional and Strict files read the same.
// Attributes are parsed only when asked for: most elements of a sheet (<v>, styled empty cells'
// neighbours, extensions) are never asked. Chosen over saxes and txml after measuring
// (README, "How reports are read"; `node dist/bench/xml.js`).

export interface Attributes {
  /** The decoded value of an attribute, by its name without prefix; undefined when absent. */
  get(name: string): string | undefined;
}

export interface XmlHandler {
  /** An element opens. `attrs` is valid only during this call. */
  open(name: string, attrs: Attributes): void;
  /** An element closes (also right after `open` for a self-closing one). */
  close(name: string): void;
  /** Character data (entities decoded, CDATA included), between any two tags. */
  text(text: string): void;
}

export class XmlError extends Error {}

const GT = 62; // >
const SLASH = 47;
const QUOTE = 34;
const APOS = 39;
const BANG = 33;
const QMARK = 63;

/**
 * The attributes of the start tag being reported, parsed on the first `get`. Only where each name
 * and value stands is kept; a value is cut out and decoded when asked for (a cell's `r`, `s` and
 * `t` are asked for in every sheet, so no string is made for a name).
 */
class LazyAttributes implements Attributes {
  xml = '';
  from = 0;
  to = 0;
  private parsed = false;
  private count = 0;
  /** Per attribute: its local name's start and end, its value's start and end. */
  private bounds: number[] = [];

  reset(xml: string, from: number, to: number): void {
    this.xml = xml;
    this.from = from;
    this.to = to;
    this.parsed = false;
  }

  get(name: string): string | undefined {
    if (!this.parsed) this.parse();
    const { xml, bounds } = this;
    for (let k = 0; k < this.count * 4; k += 4) {
      const start = bounds[k];
      if (bounds[k + 1] - start === name.length && xml.startsWith(name, start)) return decodeText(xml.slice(bounds[k + 2], bounds[k + 3]));
    }
    return undefined;
  }

  private parse(): void {
    this.parsed = true;
    this.count = 0;
    const { xml, to, bounds } = this;
    let i = this.from;
    for (;;) {
      while (i < to && isSpace(xml.charCodeAt(i))) i++;
      if (i >= to) return;
      const eq = xml.indexOf('=', i);
      if (eq < 0 || eq >= to) throw new XmlError('attribute without value');
      let q = eq + 1;
      while (q < to && isSpace(xml.charCodeAt(q))) q++;
      const quote = xml.charCodeAt(q);
      if (quote !== QUOTE && quote !== APOS) throw new XmlError('attribute value without quotes');
      const close = xml.indexOf(quote === QUOTE ? '"' : "'", q + 1);
      if (close < 0 || close >= to) throw new XmlError('unterminated attribute value');
      // The name without its spaces and namespace prefix ("r:id" → "id").
      let end = eq;
      while (end > i && isSpace(xml.charCodeAt(end - 1))) end--;
      const colon = xml.indexOf(':', i);
      const k = this.count++ * 4;
      bounds[k] = colon >= 0 && colon < end ? colon + 1 : i;
      bounds[k + 1] = end;
      bounds[k + 2] = q + 1;
      bounds[k + 3] = close;
      i = close + 1;
    }
  }
}

/** Calls the handler for every element and text of `xml`, in document order. */
export function scanXml(xml: string, h: XmlHandler): void {
  const attrs = new LazyAttributes();
  const n = xml.length;
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const end = lt < 0 ? n : lt;
    if (end > i) h.text(decodeText(xml.slice(i, end)));
    if (lt < 0) return;
    const c = xml.charCodeAt(lt + 1);
    if (c === SLASH) {
      const gt = xml.indexOf('>', lt);
      if (gt < 0) throw new XmlError('unterminated end tag');
      h.close(localName(xml.slice(lt + 2, gt).trim()));
      i = gt + 1;
    } else if (c === QMARK) {
      i = after(xml, '?>', lt);
    } else if (c === BANG) {
      i = special(xml, lt, h);
    } else {
      i = element(xml, lt + 1, h, attrs);
    }
  }
}

function after(xml: string, token: string, from: number): number {
  const at = xml.indexOf(token, from);
  if (at < 0) throw new XmlError(`unterminated ${token}`);
  return at + token.length;
}

/** Comments, CDATA and a DOCTYPE (with its internal subset, which is ignored). */
function special(xml: string, lt: number, h: XmlHandler): number {
  if (xml.startsWith('<!--', lt)) return after(xml, '-->', lt + 4);
  if (xml.startsWith('<![CDATA[', lt)) {
    const end = after(xml, ']]>', lt + 9);
    h.text(xml.slice(lt + 9, end - 3));
    return end;
  }
  let depth = 0;
  for (let i = lt + 2; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (c === 91) depth++;
    else if (c === 93) depth--;
    else if (c === GT && depth <= 0) return i + 1;
  }
  throw new XmlError('unterminated declaration');
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** One start tag from just after its "<"; returns the index after its ">". */
function element(xml: string, at: number, h: XmlHandler, attrs: LazyAttributes): number {
  const n = xml.length;
  let i = at;
  while (i < n) {
    const c = xml.charCodeAt(i);
    if (isSpace(c) || c === GT || c === SLASH) break;
    i++;
  }
  const name = localName(xml.slice(at, i));
  // The tag's end: the first ">" outside quotes (a value may hold ">", e.g. formatCode="[>=1]0").
  const start = i;
  let quote = 0;
  for (; i < n; i++) {
    const c = xml.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === QUOTE || c === APOS) quote = c;
    else if (c === GT) break;
  }
  if (i >= n) throw new XmlError('unterminated start tag');
  const selfClosing = xml.charCodeAt(i - 1) === SLASH;
  attrs.reset(xml, start, selfClosing ? i - 1 : i);
  h.open(name, attrs);
  if (selfClosing) h.close(name);
  return i + 1;
}

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

const ENTITY = /&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-fA-F]+);/g;

/** Character references and the five predefined entities; line ends normalised as XML says. */
export function decodeText(s: string): string {
  let out = s;
  if (out.indexOf('\r') >= 0) out = out.replace(/\r\n?/g, '\n');
  if (out.indexOf('&') < 0) return out;
  return out.replace(ENTITY, (_, e: string) => {
    switch (e) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      case 'amp':
        return '&';
      default: {
        const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
      }
    }
  });
}

/**
 * @jest-environment jsdom
 */
// The page's first script, guard.js: it must parse where the pane cannot (Internet Explorer 11,
// the original Edge: ES5 only), and show what the staff can do when the pane does not start.
// Its behaviour in a real browser, on the built page, is in test/e2e/pane.e2e.ts.
import fs from 'fs';
import path from 'path';
import * as acorn from 'acorn';
import guardText from '../../src/taskpane/guard-text.json';

const SOURCE = fs.readFileSync(path.join(__dirname, '../../src/taskpane/guard.js'), 'utf8');

describe('guard.js parses as ES5', () => {
  test('acorn with ecmaVersion 5 accepts it', () => {
    expect(() => acorn.parse(SOURCE, { ecmaVersion: 5 })).not.toThrow();
  });

  test('and the same check refuses what an ES5 engine cannot parse', () => {
    for (const later of ['const a = 1;', 'var f = () => 1;', 'var o = a?.b;', 'var s = `x`;', 'class A {}']) {
      expect(() => acorn.parse(later, { ecmaVersion: 5 })).toThrow();
    }
  });
});

describe('what the message says', () => {
  test('both languages say the same things: the web, Microsoft 365 or Office 2021, WebView2 on Office 2019 retail, the command line', () => {
    expect(Object.keys(guardText.en)).toEqual(Object.keys(guardText.vi));
    expect(guardText.vi.ways).toHaveLength(guardText.en.ways.length);
    const vi = JSON.stringify(guardText.vi);
    const en = JSON.stringify(guardText.en);
    for (const term of ['office.com', 'Microsoft 365', 'Office 2021', 'Office 2019', 'WebView2', 'chitieu check', 'Office 2016']) {
      expect([term, vi.includes(term), en.includes(term)]).toEqual([term, true, true]);
    }
  });
});

/** The page's guard markup (as taskpane.html renders it from guard-text.json) and the script. */
function page(search = ''): void {
  const block = (lang: 'vi' | 'en') => {
    const g = guardText[lang];
    return `<div id="guard-${lang}"><h1>${g.title}</h1><p class="guard-old">${g.why}</p><p class="guard-broken">${g.broken}</p><ul>${g.ways.map((w) => `<li>${w}</li>`).join('')}</ul></div>`;
  };
  document.body.innerHTML = `<div id="guard" style="display:none">${block('vi')}${block('en')}</div><div id="root"></div>`;
  window.history.replaceState(null, '', `/taskpane.html${search}`);
  delete (window as { chitieuGuard?: unknown }).chitieuGuard;
  window.onerror = null;
  // As a <script> in the page: its own scope, the page's globals.
  new Function(SOURCE)();
}

const shown = (id: string) => (document.getElementById(id) as HTMLElement).style.display;
const guard = () => (window as unknown as { chitieuGuard: { ran(): void; mounted(): void; shown(): boolean } }).chitieuGuard;

describe('when it shows', () => {
  test('the bundle never ran by the time the page loaded: the message, in Vietnamese', () => {
    page();
    expect(shown('guard')).toBe('none');
    window.dispatchEvent(new Event('load'));
    expect(guard().shown()).toBe(true);
    expect([shown('guard'), shown('guard-vi'), shown('guard-en')]).toEqual(['block', 'block', 'none']);
  });

  test('in English when Office says so in the address it opens the pane with', () => {
    page('?_host_Info=Excel$Win32$16.01$en-US$$$$0');
    window.dispatchEvent(new Event('load'));
    expect([shown('guard-vi'), shown('guard-en')]).toEqual(['none', 'block']);
    expect(document.documentElement.lang).toBe('en');
  });

  test('an engine without ES2019 gets the old-webview reasons; a current one, that the files failed', () => {
    page();
    const fromEntries = Object.fromEntries;
    try {
      delete (Object as { fromEntries?: unknown }).fromEntries;
      window.dispatchEvent(new Event('load'));
    } finally {
      Object.fromEntries = fromEntries;
    }
    const vi = document.getElementById('guard-vi')!;
    expect([(vi.querySelector('.guard-old') as HTMLElement).style.display, (vi.querySelector('.guard-broken') as HTMLElement).style.display]).toEqual(['block', 'none']);
    page();
    window.dispatchEvent(new Event('load'));
    const again = document.getElementById('guard-vi')!;
    expect([(again.querySelector('.guard-old') as HTMLElement).style.display, (again.querySelector('.guard-broken') as HTMLElement).style.display]).toEqual(['none', 'block']);
  });

  test('an error before the pane is on screen shows it; after, it never does', () => {
    page();
    guard().ran();
    window.onerror!('boom', 'taskpane.js', 1, 1, new Error('boom'));
    expect(shown('guard')).toBe('block');
    // The pane mounts after all (a late, harmless error): the message goes away for good.
    guard().mounted();
    expect(shown('guard')).toBe('none');
    page();
    guard().ran();
    guard().mounted();
    window.onerror!('later', 'taskpane.js', 1, 1, new Error('later'));
    window.dispatchEvent(new Event('load'));
    expect([guard().shown(), shown('guard')]).toEqual([false, 'none']);
  });

  test('a bundle that ran stays quiet at load', () => {
    page();
    guard().ran();
    window.dispatchEvent(new Event('load'));
    expect(guard().shown()).toBe(false);
  });
});

// The engine stays pure: it imports only its own modules. Its globals are checked by
// `tsc -p tsconfig.core.json` (no Node, DOM or Office.js types) in `npm test`.
import { promises as fs } from 'fs';
import path from 'path';

const CORE = path.join(__dirname, '..', '..', 'src', 'core');
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every module a source file imports, as written. */
export function importsOf(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** What is wrong with an engine import: anything but a sibling module of src/core. */
export function outsideCore(spec: string): boolean {
  return !/^\.\/[\w.-]+$/.test(spec);
}

describe('src/core imports nothing outside src/core', () => {
  test('every import of every engine module is a sibling module', async () => {
    const files = (await fs.readdir(CORE)).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(15);
    const bad: string[] = [];
    for (const f of files) {
      const src = await fs.readFile(path.join(CORE, f), 'utf8');
      for (const spec of importsOf(src)) if (outsideCore(spec)) bad.push(`${f}: ${spec}`);
    }
    expect(bad).toEqual([]);
  });

  test('the check notices what it must', () => {
    const caught = (src: string) => importsOf(src).filter(outsideCore);
    expect(caught(`import { x } from './units';\nimport type { Y } from './rules';`)).toEqual([]);
    expect(caught(`import fs from 'fs';`)).toEqual(['fs']);
    expect(caught(`import { readWorkbookBuffer } from '../files/read';`)).toEqual(['../files/read']);
    expect(caught(`import ExcelJS from 'exceljs';`)).toEqual(['exceljs']);
    expect(caught(`const p = require('path');`)).toEqual(['path']);
    expect(caught(`export * from 'node:fs';`)).toEqual(['node:fs']);
    expect(caught(`const m = await import('react');`)).toEqual(['react']);
  });
});

// Pure functions of one text, remembered for the run: a report set repeats the same labels, header
// lines and titles in every file, and folding or parsing them again for each report was a tenth of
// a country's check (`npm run bench`). Bounded: the memory is emptied when it holds `limit` texts,
// so a long run (the pane stays open) never grows with it; and a text longer than a label or a
// title line is never kept (20,000 cells of 32,767 characters would hold a gigabyte).

/** Longest text remembered: labels, header lines and titles are shorter. */
export const MEMO_MAX_TEXT = 300;

const everyMemory: Array<Map<string, unknown>> = [];

/**
 * Empties every memory. Mutation testing needs it: a mutant is switched on between tests in one
 * process, and a result remembered from the code without it would hide it (test/forget-memos.ts).
 */
export function forgetRemembered(): void {
  for (const seen of everyMemory) seen.clear();
}

/** `fn` remembered by its argument. Its results must not be changed by callers (copy objects first). */
export function memoText<T>(fn: (text: string) => T, limit = 20_000): (text: string) => T {
  const seen = new Map<string, T>();
  everyMemory.push(seen);
  return (text: string): T => {
    if (text.length > MEMO_MAX_TEXT) return fn(text);
    const hit = seen.get(text);
    if (hit !== undefined || seen.has(text)) return hit as T;
    const value = fn(text);
    if (seen.size >= limit) seen.clear();
    seen.set(text, value);
    return value;
  };
}

/** Like memoText for a function returning a flat object or null: each caller gets its own copy. */
export function memoRecord<T extends object>(fn: (text: string) => T | null, limit = 20_000): (text: string) => T | null {
  const remembered = memoText(fn, limit);
  return (text: string): T | null => {
    const value = remembered(text);
    return value === null ? null : { ...value };
  };
}

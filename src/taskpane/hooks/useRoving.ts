// A list that is one Tab stop, the arrow keys (and Home, End) moving inside it: the focusable
// elements marked data-roving take tabindex 0 for the last one used, -1 for the others. Done on
// the DOM, not through Fluent's Tabster, whose hidden focus guards axe reports as focusable.
import { useLayoutEffect, useRef } from 'react';
import type { FocusEvent, KeyboardEvent, RefObject } from 'react';

const STEP: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };

export function useRoving<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const current = useRef(0);
  const items = () => Array.from(ref.current?.querySelectorAll<HTMLElement>('[data-roving]') ?? []);
  const mark = (all: HTMLElement[]) => {
    const at = Math.min(current.current, all.length - 1);
    all.forEach((el, i) => (el.tabIndex = i === at ? 0 : -1));
  };
  useLayoutEffect(() => mark(items()));
  const onKeyDown = (e: KeyboardEvent) => {
    const all = items();
    const i = all.indexOf(document.activeElement as HTMLElement);
    if (i < 0) return;
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? all.length - 1 : e.key in STEP ? Math.max(0, Math.min(all.length - 1, i + STEP[e.key])) : null;
    if (next === null) return;
    e.preventDefault();
    current.current = next;
    mark(all);
    all[next].focus();
  };
  const onFocus = (e: FocusEvent) => {
    const all = items();
    const i = all.indexOf(e.target as HTMLElement);
    if (i < 0) return;
    current.current = i;
    mark(all);
  };
  return { ref, onKeyDown, onFocus };
}

/**
 * "Hiện thêm" under a paged list: the focus goes to the first control of the first item it added,
 * so the keyboard carries on in the list (one Tab stop, arrows inside) and is not lost when the
 * button goes with the last page. `list` is the roving list's element (its children are the
 * items); `fallback` takes the focus when no added item has a control. Call the returned function
 * with the number of items shown before the click.
 */
export function useFocusAdded(list: RefObject<HTMLElement>, fallback?: RefObject<HTMLElement>) {
  const from = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (from.current === null) return;
    const added = Array.from(list.current?.children ?? []).slice(from.current);
    from.current = null;
    const control = added.map((item) => item.querySelector<HTMLElement>('[data-roving]')).find((c) => c);
    (control ?? fallback?.current)?.focus();
  });
  return (shownBefore: number) => {
    from.current = shownBefore;
  };
}

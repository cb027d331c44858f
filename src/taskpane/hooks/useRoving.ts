// A list that is one Tab stop, the arrow keys (and Home, End) moving inside it: the focusable
// elements marked data-roving take tabindex 0 for the last one used, -1 for the others. Done on
// the DOM, not through Fluent's Tabster, whose hidden focus guards axe reports as focusable.
import { useLayoutEffect, useRef } from 'react';
import type { FocusEvent, KeyboardEvent } from 'react';

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

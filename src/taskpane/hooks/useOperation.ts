// One operation at a time, with its busy state, its notice and a retry. A click that arrives
// while one runs is ignored here, not only by the disabled look of the buttons (two clicks can
// land before the next render).
import { useCallback, useRef, useState } from 'react';
import { PaneError, reasonOf } from '../check';
import type { Notice } from '../components/NoticeBar';
import type { Operation, Strings } from '../strings';

export interface Operations {
  busy: Operation | null;
  notice: Notice | null;
  setNotice: (n: Notice | null) => void;
  /** Operations finished so far: lets a test (or an observer) tell when a click's work is over. */
  finished: number;
  run: (op: Operation, work: () => Promise<void>) => Promise<void>;
}

export function useOperation(t: Strings): Operations {
  const [busy, setBusy] = useState<Operation | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [finished, setFinished] = useState(0);
  const busyRef = useRef(false);

  /**
   * A failure's notice says what happened (the adapter's message) and offers to run the same
   * work again, unless it is a PaneError: those ask the user to change something first, and
   * may name the input they are about.
   */
  const run = useCallback(
    async (op: Operation, work: () => Promise<void>, retrying = false): Promise<void> => {
      if (busyRef.current) return;
      busyRef.current = true;
      setBusy(op);
      if (op !== 'refresh' || retrying) setNotice(null);
      try {
        await work();
      } catch (e) {
        setNotice({
          intent: 'error',
          title: e instanceof PaneError && e.title ? e.title : t.notices.failed[op],
          text: e instanceof PaneError || e instanceof Error ? e.message : t.errors.unexpected(reasonOf(e)),
          retry: e instanceof PaneError ? undefined : () => void run(op, work, true),
          near: e instanceof PaneError ? e.input : undefined,
          op,
        });
      } finally {
        busyRef.current = false;
        setBusy(null);
        setFinished((n) => n + 1);
      }
    },
    [t],
  );
  return { busy, notice, setNotice, finished, run };
}

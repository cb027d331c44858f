// The one message of the last operation: what was done, or why it could not be, and for a
// failure a "Thử lại" button that runs the same operation again; some messages offer the next
// step instead ("Hiện trang" for a finding on a hidden sheet).
import { useRef } from 'react';
import type { RefObject } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles } from '@fluentui/react-components';
import { ArrowClockwise20Regular, Dismiss20Regular } from '@fluentui/react-icons';
import type { Strings } from '../strings';

export interface Notice {
  intent: 'success' | 'info' | 'warning' | 'error';
  title?: string;
  text: string;
  /** Runs the failed operation again (the pane ignores it while another operation runs). */
  retry?: () => void;
  /** The next step the message offers. */
  action?: { label: string; run: () => void; testId: string };
  /** The input the message is about ("rules", "sources"): shown there, in view. */
  near?: 'rules' | 'sources';
  /** The operation whose outcome it tells. */
  op?: string;
}

/**
 * One spelling throughout ("xóa", as in "Xóa đánh dấu"): the workbook adapter's messages are
 * shown as they come, and some of them write "xoá".
 */
export function oneSpelling(text: string): string {
  return text.replace(/xoá/g, 'xóa').replace(/Xoá/g, 'Xóa');
}

const useStyles = makeStyles({
  // Where the pane is very narrow (200 % zoom of 320 px leaves 160 px), the icon and the dismiss
  // button take the first row and the message the whole width below, not a column of syllables.
  bar: { '@media (max-width: 260px)': { gridTemplateColumns: '1fr auto', gridTemplateAreas: '"icon actions" "body body" "secondaryActions secondaryActions"' } },
  text: { whiteSpace: 'pre-line', overflowWrap: 'anywhere' },
  // A failure's title on its own line: the reason under it is often long.
  title: { display: 'block' },
  // Focus lands on the region itself while a retry runs (see below); it is not a control.
  region: { outlineStyle: 'none' },
});

export function NoticeBar({ t, notice, onDismiss, regionRef, testId = 'notice-region' }: { t: Strings; notice: Notice | null; onDismiss: () => void; regionRef?: RefObject<HTMLDivElement>; testId?: string }) {
  const styles = useStyles();
  const own = useRef<HTMLDivElement>(null);
  const region = regionRef ?? own;
  const retry = notice?.retry;
  const action = notice?.action;
  // The button's work replaces this notice, button and all: keep the keyboard focus in the
  // message area (not lost to the page) so the next message is read out and Tab goes on from here.
  const keepFocus = (run?: () => void) => () => {
    region.current?.focus();
    run?.();
  };
  // The live region stays mounted so screen readers announce each new message.
  return (
    <div
      ref={region}
      tabIndex={-1}
      className={styles.region}
      aria-live={notice?.intent === 'error' ? 'assertive' : 'polite'}
      role="status"
      data-testid={testId}
    >
      {notice && (
        <MessageBar className={styles.bar} intent={notice.intent} layout="multiline" data-testid="notice" data-intent={notice.intent}>
          <MessageBarBody className={styles.text}>
            {notice.title && <MessageBarTitle className={styles.title}>{oneSpelling(notice.title)}</MessageBarTitle>}
            {oneSpelling(notice.text)}
          </MessageBarBody>
          <MessageBarActions
            containerAction={<Button appearance="transparent" aria-label={t.notices.dismiss} icon={<Dismiss20Regular />} onClick={onDismiss} />}
          >
            {retry && (
              <Button appearance="primary" icon={<ArrowClockwise20Regular />} onClick={keepFocus(retry)} data-testid="retry">
                {t.notices.retry}
              </Button>
            )}
            {action && (
              <Button appearance="primary" onClick={keepFocus(action.run)} data-testid={action.testId}>
                {action.label}
              </Button>
            )}
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}

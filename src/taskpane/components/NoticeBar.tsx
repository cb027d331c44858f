// The one message of the last operation: what was done, or why it could not be.
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles } from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import type { Strings } from '../strings';

export interface Notice {
  intent: 'success' | 'info' | 'warning' | 'error';
  title?: string;
  text: string;
}

const useStyles = makeStyles({
  text: { whiteSpace: 'pre-line', overflowWrap: 'anywhere' },
  // A failure's title on its own line: the reason under it is often long.
  title: { display: 'block' },
});

export function NoticeBar({ t, notice, onDismiss }: { t: Strings; notice: Notice | null; onDismiss: () => void }) {
  const styles = useStyles();
  // The live region stays mounted so screen readers announce each new message.
  return (
    <div aria-live={notice?.intent === 'error' ? 'assertive' : 'polite'} role="status" data-testid="notice-region">
      {notice && (
        <MessageBar intent={notice.intent} layout="multiline" data-testid="notice" data-intent={notice.intent}>
          <MessageBarBody className={styles.text}>
            {notice.title && <MessageBarTitle className={styles.title}>{notice.title}</MessageBarTitle>}
            {notice.text}
          </MessageBarBody>
          <MessageBarActions
            containerAction={<Button appearance="transparent" aria-label={t.notices.dismiss} icon={<Dismiss20Regular />} onClick={onDismiss} />}
          />
        </MessageBar>
      )}
    </div>
  );
}

// The footer bar: "Kiểm tra", always in view whatever the view and its scroll, with the progress
// of the files being read and a word while another operation runs.
import { Button, Field, ProgressBar, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Regular } from '@fluentui/react-icons';
import type { Operation, Strings } from '../strings';

const useStyles = makeStyles({
  footer: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
    position: 'sticky',
    bottom: 0,
    zIndex: 2,
  },
  check: { width: '100%', minWidth: 0 },
});

interface Props {
  t: Strings;
  busy: Operation | null;
  progress: { done: number; total: number; name: string } | null;
  onCheck: () => void;
}

export function Footer({ t, busy, progress, onCheck }: Props) {
  const styles = useStyles();
  const checking = busy === 'check';
  return (
    <footer className={styles.footer}>
      {progress && progress.total > 0 && (
        <Field validationMessage={t.sources.reading(Math.min(progress.done + 1, progress.total), progress.total, progress.name)} validationState="none">
          <ProgressBar value={progress.done} max={progress.total} data-testid="progress" aria-label={t.sources.filesAdded(progress.total)} />
        </Field>
      )}
      {busy && busy !== 'check' && busy !== 'refresh' && <Spinner size="tiny" label={t.actions.working} labelPosition="after" />}
      <Button
        appearance="primary"
        className={styles.check}
        icon={checking ? <Spinner size="tiny" /> : <CheckmarkCircle20Regular />}
        disabledFocusable={busy !== null}
        onClick={onCheck}
        data-testid="check"
      >
        {checking ? t.actions.checking : t.actions.check}
      </Button>
    </footer>
  );
}

// What to do with a result in the workbook: mark the cells, take the marks off, write the rollup
// or the feedback sheets. A button that cannot be used says why beside it; "Xóa đánh dấu" is
// there only while there may be marks to take off.
import { useId } from 'react';
import type { ReactElement } from 'react';
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { Eraser20Regular, MailArrowUp20Regular, PaintBucket20Regular, TableAdd20Regular } from '@fluentui/react-icons';
import type { Strings } from '../strings';

const useStyles = makeStyles({
  bar: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  item: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  why: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere', minWidth: 0 },
});

export interface ActionState {
  /** Why the action cannot run now, or null when it can. */
  why: string | null;
}

interface Props {
  t: Strings;
  busy: boolean;
  flag: ActionState;
  rollup: ActionState;
  feedback: ActionState;
  /** Whether "Xóa đánh dấu" is offered: false once the pane knows there is nothing to clear. */
  clearable: boolean;
  feedbackLabel: string;
  onFlag: () => void;
  onClear: () => void;
  onRollup: () => void;
  onFeedback: () => void;
}

export function WorkbookActions(p: Props) {
  const styles = useStyles();
  return (
    <div className={styles.bar} role="toolbar" aria-label={p.t.actions.toolbar} aria-orientation="vertical">
      <Action icon={<PaintBucket20Regular />} label={p.t.actions.flag} state={p.flag} busy={p.busy} onClick={p.onFlag} testId="flag" />
      {p.clearable && <Action icon={<Eraser20Regular />} label={p.t.actions.clear} state={{ why: null }} busy={p.busy} onClick={p.onClear} testId="clear" />}
      <Action icon={<TableAdd20Regular />} label={p.t.actions.rollup} state={p.rollup} busy={p.busy} onClick={p.onRollup} testId="rollup" />
      <Action icon={<MailArrowUp20Regular />} label={p.feedbackLabel} state={p.feedback} busy={p.busy} onClick={p.onFeedback} testId="feedback" />
    </div>
  );
}

function Action(p: { icon: ReactElement; label: string; state: ActionState; busy: boolean; onClick: () => void; testId: string }) {
  const styles = useStyles();
  const whyId = useId();
  return (
    <div className={styles.item}>
      <Button icon={p.icon} disabledFocusable={p.busy || p.state.why !== null} aria-describedby={p.state.why ? whyId : undefined} onClick={p.onClick} data-testid={p.testId}>
        {p.label}
      </Button>
      {p.state.why && (
        <Caption1 id={whyId} className={styles.why} data-testid={`${p.testId}-why`}>
          {p.state.why}
        </Caption1>
      )}
    </div>
  );
}

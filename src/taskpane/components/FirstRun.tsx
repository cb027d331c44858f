// A blank or new workbook: what the tool does in three lines, the sample targets to start from,
// and the way to the help.
import { Body1, Button, Link, makeStyles, tokens } from '@fluentui/react-components';
import { TableSimple20Regular } from '@fluentui/react-icons';
import type { Strings } from '../strings';
import { Section } from './Section';

const useStyles = makeStyles({
  box: { padding: tokens.spacingHorizontalM, backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, boxShadow: tokens.shadow2 },
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

export function FirstRun({ t, onInsertSample, onHelp, busy }: { t: Strings; onInsertSample: () => void; onHelp: () => void; busy: boolean }) {
  const styles = useStyles();
  return (
    <Section heading={t.pane.firstRun.heading} className={styles.box} testId="first-run">
      <ol className={styles.lines}>
        {t.pane.firstRun.lines.map((line) => (
          <li key={line}>
            <Body1>{line}</Body1>
          </li>
        ))}
      </ol>
      <div className={styles.actions}>
        <Button appearance="primary" icon={<TableSimple20Regular />} onClick={onInsertSample} disabledFocusable={busy} data-testid="first-run-sample">
          {t.rules.insertSample}
        </Button>
        <Link as="button" onClick={onHelp} data-testid="first-run-help">
          {t.pane.firstRun.help}
        </Link>
      </div>
    </Section>
  );
}

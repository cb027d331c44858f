// The help, opened from the header inside the view being shown.
import { Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Strings } from '../strings';
import { Help } from './Help';

const useStyles = makeStyles({
  help: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
    minWidth: 0,
  },
  heading: { margin: 0, color: tokens.colorBrandForeground1 },
});

export function HelpPanel({ t, onInsertSample, busy }: { t: Strings; onInsertSample: () => void; busy: boolean }) {
  const styles = useStyles();
  return (
    <section id="help-panel" className={styles.help} aria-labelledby="help-heading">
      <Subtitle2 as="h2" id="help-heading" className={styles.heading}>
        {t.help.heading}
      </Subtitle2>
      <Help t={t} onInsertSample={onInsertSample} busy={busy} />
    </section>
  );
}

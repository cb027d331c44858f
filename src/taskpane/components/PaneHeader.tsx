// The pane's header: the workbook's name (the title is Excel's own title bar, so the heading is
// for screen readers only), the language switch and the help toggle.
import { Button, Caption1, Select, makeStyles, tokens } from '@fluentui/react-components';
import { Dismiss20Regular, QuestionCircle20Regular } from '@fluentui/react-icons';
import type { Strings } from '../strings';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, minWidth: 0 },
  name: { flex: '1 1 120px', minWidth: 0, overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2 },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', margin: 0 },
  language: { width: 'auto', minWidth: 0 },
});

interface Props {
  t: Strings;
  workbook: string | null;
  helpOpen: boolean;
  onHelp: () => void;
  /** Switches the pane's language; absent, no switch is shown. */
  onLanguage?: (lang: 'vi' | 'en') => void;
}

export function PaneHeader({ t, workbook, helpOpen, onHelp, onLanguage }: Props) {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <h1 className={styles.hidden}>{t.appTitle}</h1>
      <Caption1 className={styles.name} data-testid="workbook-name">
        {workbook ? t.workbook(workbook) : ''}
      </Caption1>
      {onLanguage && (
        <Select size="small" className={styles.language} aria-label={t.pane.language} value={t.lang} onChange={(_, d) => onLanguage(d.value as 'vi' | 'en')} data-testid="language">
          <option value="vi" lang="vi">
            {t.pane.languageNames.vi}
          </option>
          <option value="en" lang="en">
            {t.pane.languageNames.en}
          </option>
        </Select>
      )}
      <Button
        appearance="subtle"
        size="small"
        icon={helpOpen ? <Dismiss20Regular /> : <QuestionCircle20Regular />}
        aria-expanded={helpOpen}
        aria-controls="help-panel"
        onClick={onHelp}
        data-testid="help-toggle"
      >
        {helpOpen ? t.help.close : t.help.open}
      </Button>
    </header>
  );
}

// The top of the results: what was checked, the area's verdict, what changed, and the counts,
// each a button that shows only those findings. Marked when the inputs changed since.
import { forwardRef } from 'react';
import { Badge, Body1, Caption1, ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { areaVerdict } from '../../core/verdict';
import type { Severity } from '../../core/plan';
import type { CheckOutcome } from '../check';
import type { Strings } from '../strings';
import { SEVERITIES, SeverityIcon } from './resultsParts';
import { Section } from './Section';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  text: { overflowWrap: 'anywhere' },
});

interface Props {
  t: Strings;
  outcome: CheckOutcome;
  stale: boolean;
  severity: Severity | '';
  onSeverity: (s: Severity | '') => void;
}

export const Summary = forwardRef<HTMLHeadingElement, Props>(function Summary({ t, outcome, stale, severity, onSeverity }, headingRef) {
  const styles = useStyles();
  const { result, counts } = outcome;
  const { coverage } = result;
  const verdict = areaVerdict(result);
  return (
    <Section heading={t.summary.heading} headingRef={headingRef} headingTestId="summary-heading" testId="summary">
      {stale && (
        <Badge appearance="filled" color="warning" size="large" data-testid="stale">
          {t.pane.stale}
        </Badge>
      )}
      <Body1 className={styles.text}>
        <span data-testid="units-checked">{t.summary.checked(coverage.read)}</span>
        {coverage.missing.length > 0 && (
          <>
            {' · '}
            <span data-testid="units-missing">{t.summary.missing(coverage.missing.length)}</span>
          </>
        )}
        {coverage.otherPeriod.length > 0 && (
          <>
            {' · '}
            <span data-testid="units-other-period">{t.summary.otherPeriod(coverage.otherPeriod.length)}</span>
          </>
        )}
        {coverage.unreadable.length > 0 && (
          <>
            {' · '}
            <span data-testid="units-unreadable">{t.summary.unreadable(coverage.unreadable.length)}</span>
          </>
        )}
      </Body1>
      <Body1 className={styles.text} data-testid="verdict">
        {t.summary.verdict(verdict, coverage)}
      </Body1>
      {result.changes && (
        <Body1 className={styles.text} data-testid="changes">
          {t.summary.changes(result.changes)}
        </Body1>
      )}
      <div className={styles.counts} role="group" aria-label={t.findings.severity}>
        {SEVERITIES.map((s) => (
          <ToggleButton
            key={s}
            size="small"
            checked={severity === s}
            icon={<SeverityIcon severity={s} />}
            title={t.pane.countFilter(t.summary.severityCount[s](counts[s]))}
            onClick={() => onSeverity(severity === s ? '' : s)}
            data-testid={`count-${s}`}
          >
            {t.summary.severityCount[s](counts[s])}
          </ToggleButton>
        ))}
        {counts.accepted > 0 && (
          <Badge appearance="tint" color="success" size="large" data-testid="count-accepted">
            {t.summary.accepted(counts.accepted)}
          </Badge>
        )}
      </div>
      {outcome.emptySheets.length > 0 && <Caption1 className={styles.muted}>{t.pane.emptySheets(outcome.emptySheets)}</Caption1>}
      <Caption1 className={styles.muted}>
        {t.summary.period(result.period.label)} · {t.summary.rulesFrom(result.rules.file)}
      </Caption1>
    </Section>
  );
});

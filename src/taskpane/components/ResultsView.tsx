// The "Kết quả" view: the summary at the top (focused after a check), the workbook actions, a
// skip link past the units, the units worst first, the findings, and the accepted explanations.
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { Body1, Caption1, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { isAccepted } from '../../core/findings';
import type { Finding } from '../../core/findings';
import type { CheckOutcome } from '../check';
import type { Strings } from '../strings';
import { FindingList } from './FindingList';
import type { FindingFilters } from './FindingList';
import { Section } from './Section';
import { Summary } from './Summary';
import { UnitList } from './UnitList';
import { unitLabel } from './resultsParts';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  // Out of sight until it has the focus, as skip links are.
  skip: {
    position: 'absolute',
    left: '-10000px',
    ':focus': { position: 'static', left: 'auto' },
  },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  accepted: { padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, overflowWrap: 'anywhere' },
});

interface Props {
  t: Strings;
  outcome: CheckOutcome | null;
  stale: boolean;
  filters: FindingFilters;
  onFilters: (f: Partial<FindingFilters>) => void;
  onSelect: (sheet: string, cell: string) => void;
  onAccept: (f: Finding) => void;
  busy: boolean;
  /** Changes after each check: the summary then takes the focus. */
  focusToken: number;
  actions: ReactNode;
}

export function ResultsView(p: Props) {
  const { t, outcome } = p;
  const styles = useStyles();
  const summary = useRef<HTMLHeadingElement>(null);
  const findings = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (p.focusToken === 0) return;
    summary.current?.focus();
    summary.current?.scrollIntoView?.({ block: 'nearest' });
  }, [p.focusToken]);

  if (!outcome)
    return (
      <div className={styles.view}>
        <Body1 data-testid="no-results">{t.pane.noResults}</Body1>
        {p.actions}
      </div>
    );
  const setSeverity = (severity: FindingFilters['severity']) => {
    p.onFilters({ severity });
    findings.current?.scrollIntoView?.({ block: 'start' });
  };
  const accepted = outcome.result.findings.filter((f) => isAccepted(f) && (p.filters.unit === null || f.unit === p.filters.unit));
  return (
    <div className={styles.view}>
      <Summary ref={summary} t={t} outcome={outcome} stale={p.stale} severity={p.filters.severity} onSeverity={setSeverity} />
      {p.actions}
      <Link
        href="#findings"
        className={styles.skip}
        onClick={(e) => {
          e.preventDefault();
          findings.current?.focus();
          findings.current?.scrollIntoView?.({ block: 'start' });
        }}
        data-testid="skip-to-findings"
      >
        {t.pane.skipToFindings}
      </Link>
      <UnitList t={t} units={outcome.result.units} chosen={p.filters.unit} onChoose={(unit) => p.onFilters({ unit })} />
      <FindingList ref={findings} t={t} outcome={outcome} filters={p.filters} onFilters={p.onFilters} onSelect={p.onSelect} onAccept={p.onAccept} busy={p.busy} />
      {accepted.length > 0 && (
        <Section heading={t.findings.acceptedHeading(accepted.length)} testId="accepted-section">
          <ul className={styles.list} data-testid="accepted-list">
            {accepted.map((f, i) => (
              <li key={i} className={styles.accepted} data-testid="accepted" data-unit={f.unit}>
                <Text weight="semibold">{t.kind[f.kind]}</Text> <Caption1>· {unitLabel(t, f.unit)}</Caption1>
                <Body1 as="p">{f.message}</Body1>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </div>
  );
}

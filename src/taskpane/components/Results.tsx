// The result of a check: a summary, one line per unit with its status, and the findings,
// filterable by unit, severity and kind. A finding in this workbook leads to its cell.
import { useMemo, useState } from 'react';
import type { ReactElement } from 'react';
import { Badge, Body1, Button, Caption1, Field, Link, Select, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import {
  CheckmarkCircle20Filled,
  DocumentDismiss20Filled,
  ErrorCircle20Filled,
  Info20Filled,
  QuestionCircle20Filled,
  Warning20Filled,
} from '@fluentui/react-icons';
import { isAccepted } from '../../core/findings';
import type { Finding, FindingKind } from '../../core/findings';
import type { Severity } from '../../core/plan';
import type { UnitStatus } from '../../core/session';
import { areaVerdict } from '../../core/verdict';
import type { CheckOutcome } from '../check';
import type { Strings } from '../strings';

const PAGE = 100;
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  unit: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    width: '100%',
    justifyContent: 'flex-start',
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
  },
  unitText: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', minWidth: 0 },
  // Heard, not seen: keeps a unit's name and its status apart when read as one button name.
  spoken: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  filters: {
    display: 'grid',
    gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
  },
  wide: { gridColumn: '1 / -1' },
  legend: { padding: 0, color: tokens.colorNeutralForeground3 },
  finding: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    borderLeft: `4px solid ${tokens.colorNeutralStroke1}`,
    boxShadow: tokens.shadow2,
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorderActive },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorderActive },
  info: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  findingHead: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  message: { overflowWrap: 'anywhere' },
  iconError: { color: tokens.colorPaletteRedForeground1, flexShrink: 0 },
  iconWarning: { color: tokens.colorPaletteDarkOrangeForeground1, flexShrink: 0 },
  iconInfo: { color: tokens.colorPaletteBlueForeground2, flexShrink: 0 },
  iconOk: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  iconMuted: { color: tokens.colorNeutralForeground3, flexShrink: 0 },
});

type Styles = ReturnType<typeof useStyles>;

function severityIcon(s: Severity, styles: Styles): ReactElement {
  if (s === 'error') return <ErrorCircle20Filled className={styles.iconError} aria-hidden />;
  if (s === 'warning') return <Warning20Filled className={styles.iconWarning} aria-hidden />;
  return <Info20Filled className={styles.iconInfo} aria-hidden />;
}

function statusIcon(s: UnitStatus, styles: Styles): ReactElement {
  switch (s) {
    case 'ok':
      return <CheckmarkCircle20Filled className={styles.iconOk} aria-hidden />;
    case 'warnings':
      return <Warning20Filled className={styles.iconWarning} aria-hidden />;
    case 'errors':
      return <ErrorCircle20Filled className={styles.iconError} aria-hidden />;
    case 'missing':
      return <DocumentDismiss20Filled className={styles.iconMuted} aria-hidden />;
    case 'unreadable':
      return <DocumentDismiss20Filled className={styles.iconError} aria-hidden />;
    default:
      return <QuestionCircle20Filled className={styles.iconMuted} aria-hidden />;
  }
}

const BADGE: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

interface Props {
  t: Strings;
  outcome: CheckOutcome;
  onSelect: (sheet: string, cell: string) => void;
  /** "Chấp nhận giải trình…" on a finding about a figure. */
  onAccept: (f: Finding) => void;
  /** The unit chosen in the filter (null: all), for the feedback button. */
  onUnit: (unit: string | null) => void;
  busy: boolean;
}

/** Kinds about a figure, which a unit can explain and the office accept. */
const EXPLAINABLE: ReadonlySet<FindingKind> = new Set(['shortfall', 'behind-pace', 'exceeded', 'inconsistent', 'invalid-value', 'missing-value']);

export function Results({ t, outcome, onSelect, onAccept, onUnit, busy }: Props) {
  const styles = useStyles();
  const { result, counts, workbook } = outcome;
  const [unit, setUnitState] = useState<string | null>(null);
  const setUnit = (u: string | null) => {
    setUnitState(u);
    onUnit(u);
  };
  const [severity, setSeverity] = useState<Severity | ''>('');
  const [kind, setKind] = useState<FindingKind | ''>('');
  const [limit, setLimit] = useState(PAGE);

  const unitLabel = (u: string) => (u === '*' ? t.findings.area : u === '' ? t.findings.general : u);
  const unitsInFindings = useMemo(() => [...new Set(result.findings.map((f) => f.unit))], [result]);
  const kinds = useMemo(() => [...new Set(result.findings.map((f) => f.kind))], [result]);
  // Findings the office accepted are listed apart, below.
  const shown = useMemo(
    () => result.findings.filter((f) => !isAccepted(f) && (unit === null || f.unit === unit) && (!severity || f.severity === severity) && (!kind || f.kind === kind)),
    [result, unit, severity, kind],
  );
  const accepted = useMemo(() => result.findings.filter((f) => isAccepted(f) && (unit === null || f.unit === unit)), [result, unit]);
  const open = result.findings.length - result.findings.filter(isAccepted).length;
  const { coverage } = result;
  const verdict = useMemo(() => areaVerdict(result), [result]);
  const areaShort = useMemo(() => result.findings.filter((f) => f.unit === '*' && f.severity !== 'info').length, [result]);
  const location = (f: Finding) => f.file === workbook && f.sheet && f.cell;

  return (
    <>
      <section className={styles.section} aria-labelledby="summary-heading" data-testid="summary">
        <Subtitle2 as="h2" id="summary-heading" className={styles.heading}>
          {t.summary.heading}
        </Subtitle2>
        <Body1>
          <span data-testid="units-checked">{t.summary.checked(coverage.read)}</span>
          {coverage.missing.length > 0 && (
            <>
              {' · '}
              <span data-testid="units-missing">{t.summary.missing(coverage.missing.length)}</span>
            </>
          )}
          {coverage.unreadable.length > 0 && (
            <>
              {' · '}
              <span data-testid="units-unreadable">{t.summary.unreadable(coverage.unreadable.length)}</span>
            </>
          )}
        </Body1>
        <Body1 data-testid="verdict" data-status={verdict.status}>
          {t.summary.verdict(verdict, coverage, areaShort)}
        </Body1>
        {result.changes && <Body1 data-testid="changes">{t.summary.changes(result.changes)}</Body1>}
        <div className={styles.badges}>
          {SEVERITIES.map((s) => (
            <Badge key={s} appearance="tint" color={BADGE[s]} size="large" icon={severityIcon(s, styles)} data-testid={`count-${s}`} data-count={counts[s]}>
              {t.summary.severityCount[s](counts[s])}
            </Badge>
          ))}
          {counts.accepted > 0 && (
            <Badge appearance="tint" color="success" size="large" data-testid="count-accepted" data-count={counts.accepted}>
              {t.summary.accepted(counts.accepted)}
            </Badge>
          )}
        </div>
        <Caption1 className={styles.muted}>
          {t.summary.period(result.period.label)} · {t.summary.rulesFrom(result.rules.file)}
        </Caption1>
      </section>

      <section className={styles.section} aria-labelledby="units-heading">
        <Subtitle2 as="h2" id="units-heading" className={styles.heading}>
          {t.units.heading}
        </Subtitle2>
        {result.units.length === 0 ? (
          <Caption1>{t.units.none}</Caption1>
        ) : (
          <ul className={styles.list} data-testid="unit-list">
            {result.units.map((u) => (
              <li key={u.unit} data-testid="unit" data-status={u.status}>
                <Button
                  appearance="subtle"
                  className={styles.unit}
                  aria-pressed={unit === u.unit}
                  onClick={() => {
                    setUnit(unit === u.unit ? null : u.unit);
                    setLimit(PAGE);
                  }}
                  icon={statusIcon(u.status, styles)}
                >
                  <span className={styles.unitText}>
                    <Text weight="semibold">{u.unit}</Text>
                    <span className={styles.spoken}>: </span>
                    <Caption1>
                      {t.units.status[u.status]}
                      {u.status !== 'missing' && ` · ${t.units.counts(u.errors, u.warnings, u.infos)}`}
                    </Caption1>
                    {u.unitEvidence && (
                      <Caption1 className={styles.muted} data-testid="unit-evidence">
                        {t.units.evidence(u.unitEvidence)}
                      </Caption1>
                    )}
                  </span>
                </Button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className={styles.section} aria-labelledby="findings-heading">
        <Subtitle2 as="h2" id="findings-heading" className={styles.heading} data-testid="findings-heading">
          {t.findings.heading(shown.length, open)}
        </Subtitle2>
        <fieldset className={styles.filters}>
          <legend className={styles.legend}>{t.findings.filters}</legend>
          <Field label={t.findings.unit} className={styles.wide}>
            <Select
              value={unit === null ? '\u0000all' : unit}
              onChange={(_, d) => {
                setUnit(d.value === '\u0000all' ? null : d.value);
                setLimit(PAGE);
              }}
              data-testid="filter-unit"
            >
              <option value={'\u0000all'}>{t.findings.allUnits}</option>
              {unitsInFindings.map((u) => (
                <option key={u} value={u}>
                  {unitLabel(u)}
                </option>
              ))}
            </Select>
          </Field>
          <FilterSelect
            label={t.findings.severity}
            value={severity}
            all={t.findings.allSeverities}
            options={SEVERITIES}
            labelOf={(s) => t.severity[s]}
            onPick={(v) => {
              setSeverity(v);
              setLimit(PAGE);
            }}
            testId="filter-severity"
          />
          <FilterSelect
            label={t.findings.kind}
            value={kind}
            all={t.findings.allKinds}
            options={kinds}
            labelOf={(k) => t.kind[k]}
            onPick={(v) => {
              setKind(v);
              setLimit(PAGE);
            }}
            testId="filter-kind"
          />
        </fieldset>

        {result.findings.length === 0 ? (
          <Body1>{t.findings.noneAtAll}</Body1>
        ) : shown.length === 0 ? (
          <Body1>{t.findings.empty}</Body1>
        ) : (
          <ul className={styles.list} data-testid="finding-list">
            {shown.slice(0, limit).map((f, i) => (
              <li
                key={i}
                className={`${styles.finding} ${styles[f.severity]}`}
                data-testid="finding"
                data-severity={f.severity}
                data-kind={f.kind}
                data-unit={f.unit}
                data-file={f.file ?? ''}
                data-sheet={f.sheet ?? ''}
                data-cell={f.cell ?? ''}
              >
                <div className={styles.findingHead}>
                  {severityIcon(f.severity, styles)}
                  <Text weight="semibold">{t.severity[f.severity]}</Text>
                  <Caption1>· {t.kind[f.kind]}</Caption1>
                  <Caption1>· {unitLabel(f.unit)}</Caption1>
                </div>
                <Body1 className={styles.message}>{f.message}</Body1>
                {f.indicator && f.unit && EXPLAINABLE.has(f.kind) && f.severity !== 'info' && (
                  <Link as="button" onClick={() => !busy && onAccept(f)} data-testid="accept">
                    {t.findings.accept}
                  </Link>
                )}
                {location(f) ? (
                  <Link
                    as="button"
                    onClick={() => !busy && onSelect(f.sheet!, f.cell!)}
                    data-testid="goto"
                  >
                    {t.findings.goTo(f.sheet!, f.cell!)}
                  </Link>
                ) : (
                  f.file && <Caption1 className={styles.muted}>{t.findings.inFile(f.file, f.sheet, f.cell)}</Caption1>
                )}
              </li>
            ))}
          </ul>
        )}
        {shown.length > limit && (
          <Button onClick={() => setLimit(limit + PAGE)} data-testid="show-more">
            {t.findings.showMore(Math.min(PAGE, shown.length - limit))}
          </Button>
        )}
      </section>

      {accepted.length > 0 && (
        <section className={styles.section} aria-labelledby="accepted-heading">
          <Subtitle2 as="h2" id="accepted-heading" className={styles.heading}>
            {t.findings.acceptedHeading(accepted.length)}
          </Subtitle2>
          <ul className={styles.list} data-testid="accepted-list">
            {accepted.map((f, i) => (
              <li key={i} className={`${styles.finding} ${styles.info}`} data-testid="accepted" data-unit={f.unit}>
                <div className={styles.findingHead}>
                  <Text weight="semibold">{t.kind[f.kind]}</Text>
                  <Caption1>· {unitLabel(f.unit)}</Caption1>
                </div>
                <Body1 className={styles.message}>{f.message}</Body1>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** A filter over a fixed list of values, with "all" as the empty choice. */
function FilterSelect<T extends string>(props: {
  label: string;
  value: T | '';
  all: string;
  options: readonly T[];
  labelOf: (v: T) => string;
  onPick: (v: T | '') => void;
  testId: string;
}) {
  return (
    <Field label={props.label}>
      <Select value={props.value} onChange={(_, d) => props.onPick(d.value as T | '')} data-testid={props.testId}>
        <option value="">{props.all}</option>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.labelOf(o)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

// The findings under filters that stay in view (and stack in a narrow pane), grouped by unit or
// by kind. Each group folds; a group shows a page of findings at a time, so 2,000 findings
// render as a handful of headings until opened. A finding in this workbook leads to its cell.
import { forwardRef, useMemo, useRef, useState } from 'react';
import { Body1, Button, Caption1, Field, Link, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useFocusAdded, useRoving } from '../hooks/useRoving';
import { ChevronDown16Regular, ChevronRight16Regular } from '@fluentui/react-icons';
import { isAccepted } from '../../core/findings';
import type { Finding, FindingKind } from '../../core/findings';
import type { Severity } from '../../core/plan';
import type { CheckOutcome } from '../check';
import type { Strings } from '../strings';
import { SEVERITIES, SeverityIcon, unitLabel, worstFirst } from './resultsParts';
import { Section } from './Section';

export type GroupBy = 'unit' | 'kind';
const PAGE = 50;
/** Above this many findings shown, groups start folded (the first one open). */
const FOLD_ABOVE = 60;

const useStyles = makeStyles({
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: 'none',
    margin: 0,
    padding: `${tokens.spacingVerticalXS} 0`,
    minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground2,
    // In view while the list scrolls, where the pane is tall enough to spare the room.
    '@media (min-height: 480px)': { position: 'sticky', top: 0, zIndex: 1 },
  },
  // Two filters a row from 320 px: four stacked would hide most of the findings under them.
  field: { flex: '1 1 120px', minWidth: 0 },
  select: { minWidth: 0, width: '100%' },
  legend: { padding: 0, color: tokens.colorNeutralForeground3 },
  groups: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  groupHead: { justifyContent: 'flex-start', width: '100%', minWidth: 0, textAlign: 'left', overflowWrap: 'anywhere' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  finding: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    borderLeft: `4px solid ${tokens.colorNeutralStroke1}`,
    boxShadow: tokens.shadow2,
    minWidth: 0,
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorderActive },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorderActive },
  info: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  findingHead: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', minWidth: 0 },
  message: { overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

/** Kinds about a figure, which a unit can explain and the office accept. */
const EXPLAINABLE: ReadonlySet<FindingKind> = new Set(['shortfall', 'behind-pace', 'exceeded', 'inconsistent', 'invalid-value', 'missing-value']);

export interface FindingFilters {
  unit: string | null;
  severity: Severity | '';
  kind: FindingKind | '';
  groupBy: GroupBy;
}

interface Props {
  t: Strings;
  outcome: CheckOutcome;
  filters: FindingFilters;
  onFilters: (f: Partial<FindingFilters>) => void;
  onSelect: (sheet: string, cell: string) => void;
  onAccept: (f: Finding) => void;
  busy: boolean;
}

interface Group {
  key: string;
  label: string;
  findings: Finding[];
}

export const FindingList = forwardRef<HTMLHeadingElement, Props>(function FindingList(p, headingRef) {
  const { t, outcome, filters } = p;
  const styles = useStyles();
  const { result } = outcome;
  const open = useMemo(() => result.findings.filter((f) => !isAccepted(f)), [result]);
  const shown = useMemo(
    () => open.filter((f) => (filters.unit === null || f.unit === filters.unit) && (!filters.severity || f.severity === filters.severity) && (!filters.kind || f.kind === filters.kind)),
    [open, filters.unit, filters.severity, filters.kind],
  );
  const groups = useMemo(() => groupFindings(t, outcome, shown, filters.groupBy), [t, outcome, shown, filters.groupBy]);
  const unitsInFindings = useMemo(() => [...new Set(result.findings.map((f) => f.unit))], [result]);
  const kinds = useMemo(() => [...new Set(result.findings.map((f) => f.kind))], [result]);
  const foldKey = `${filters.groupBy}|${filters.unit}|${filters.severity}|${filters.kind}|${shown.length > FOLD_ABOVE}`;
  const filtersRef = useRef<HTMLFieldSetElement>(null);
  // A finding that takes the keyboard's focus (arrow keys, Tab) is scrolled out from under the
  // filters that stay in view: the browser alone would stop at the view's top edge, behind them.
  // Not on a click: the link would move between the press and the release, and the click be lost.
  const reveal = (item: HTMLElement, focused: Element) => {
    const bar = filtersRef.current;
    if (!bar || typeof item.scrollIntoView !== 'function' || !keyboardFocus(focused)) return;
    item.style.scrollMarginTop = getComputedStyle(bar).position === 'sticky' ? `${bar.offsetHeight + 8}px` : '';
    item.scrollIntoView({ block: 'nearest' });
  };

  return (
    <Section heading={t.findings.heading(shown.length, open.length)} headingRef={headingRef} headingTestId="findings-heading" testId="findings" id="findings">
      <fieldset ref={filtersRef} className={styles.filters} data-testid="filters">
        <legend className={styles.legend}>{t.findings.filters}</legend>
        <Field label={t.findings.unit} className={styles.field}>
          <Select className={styles.select} value={filters.unit === null ? '\u0000all' : filters.unit} onChange={(_, d) => p.onFilters({ unit: d.value === '\u0000all' ? null : d.value })} data-testid="filter-unit">
            <option value={'\u0000all'}>{t.findings.allUnits}</option>
            {unitsInFindings.map((u) => (
              <option key={u} value={u}>
                {unitLabel(t, u)}
              </option>
            ))}
          </Select>
        </Field>
        <Choice label={t.findings.severity} value={filters.severity} all={t.findings.allSeverities} options={SEVERITIES} labelOf={(s) => t.severity[s]} onPick={(v) => p.onFilters({ severity: v })} testId="filter-severity" />
        <Choice label={t.findings.kind} value={filters.kind} all={t.findings.allKinds} options={kinds} labelOf={(k) => t.kind[k]} onPick={(v) => p.onFilters({ kind: v })} testId="filter-kind" />
        <Field label={t.pane.groupBy} className={styles.field}>
          <Select className={styles.select} value={filters.groupBy} onChange={(_, d) => p.onFilters({ groupBy: d.value as GroupBy })} data-testid="group-by">
            <option value="unit">{t.pane.byUnit}</option>
            <option value="kind">{t.pane.byKind}</option>
          </Select>
        </Field>
      </fieldset>
      {result.findings.length === 0 ? (
        <Body1>{t.findings.noneAtAll}</Body1>
      ) : shown.length === 0 ? (
        <Body1>{t.findings.empty}</Body1>
      ) : (
        <div className={styles.groups} key={foldKey}>
          {groups.map((g, i) => (
            <FindingGroup key={g.key} {...p} reveal={reveal} group={g} startOpen={shown.length <= FOLD_ABOVE || i === 0} />
          ))}
        </div>
      )}
    </Section>
  );
});

type Reveal = { reveal: (item: HTMLElement, focused: Element) => void };

function FindingGroup(p: Props & Reveal & { group: Group; startOpen: boolean }) {
  const { t, group } = p;
  const styles = useStyles();
  const [open, setOpen] = useState(p.startOpen);
  const [limit, setLimit] = useState(PAGE);
  const arrows = useRoving<HTMLUListElement>();
  const toggle = useRef<HTMLButtonElement>(null);
  const focusAdded = useFocusAdded(arrows.ref, toggle);
  const bySeverity = SEVERITIES.map((s) => [s, group.findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  return (
    <div data-testid="finding-group">
      <Button
        appearance="subtle"
        ref={toggle}
        className={styles.groupHead}
        icon={open ? <ChevronDown16Regular /> : <ChevronRight16Regular />}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        data-testid="group-toggle"
      >
        <span>
          <Text weight="semibold">{t.pane.group(group.label, group.findings.length)}</Text>{' '}
          <Caption1 className={styles.muted}>{bySeverity.map(([s, n]) => t.summary.severityCount[s](n)).join(' · ')}</Caption1>
        </span>
      </Button>
      {open && (
        <ul className={styles.list} data-testid="finding-list" {...arrows}>
          {group.findings.slice(0, limit).map((f, i) => (
            <FindingItem key={i} {...p} finding={f} />
          ))}
        </ul>
      )}
      {open && group.findings.length > limit && (
        <Button onClick={() => (focusAdded(limit), setLimit(limit + PAGE))} data-testid="show-more">
          {t.findings.showMore(Math.min(PAGE, group.findings.length - limit))}
        </Button>
      )}
    </div>
  );
}

function FindingItem({ t, outcome, finding: f, onSelect, onAccept, busy, reveal }: Props & Reveal & { finding: Finding }) {
  const styles = useStyles();
  const here = f.file === outcome.workbook && f.sheet && f.cell;
  return (
    <li
      className={`${styles.finding} ${styles[f.severity]}`}
      data-testid="finding"
      onFocus={(e) => reveal(e.currentTarget, e.target)}
      data-severity={f.severity}
      data-kind={f.kind}
      data-unit={f.unit}
      data-file={f.file ?? ''}
      data-sheet={f.sheet ?? ''}
      data-cell={f.cell ?? ''}
    >
      <div className={styles.findingHead}>
        <SeverityIcon severity={f.severity} />
        <Text weight="semibold" data-testid="finding-severity">
          {t.severity[f.severity]}
        </Text>
        <Caption1>· {t.kind[f.kind]}</Caption1>
        <Caption1 className={styles.message}>· {unitLabel(t, f.unit)}</Caption1>
      </div>
      <Body1 className={styles.message}>{f.message}</Body1>
      {f.indicator && f.unit && EXPLAINABLE.has(f.kind) && f.severity !== 'info' && (
        <Link as="button" onClick={() => !busy && onAccept(f)} data-testid="accept" data-roving="">
          {t.findings.accept}
        </Link>
      )}
      {here ? (
        <Link as="button" className={styles.message} onClick={() => !busy && onSelect(f.sheet!, f.cell!)} data-testid="goto" data-roving="">
          {t.findings.goTo(f.sheet!, f.cell!)}
        </Link>
      ) : (
        f.file && <Caption1 className={styles.muted}>{t.findings.inFile(f.file, f.sheet, f.cell)}</Caption1>
      )}
    </li>
  );
}

/** Whether the focus came from the keyboard (an engine without :focus-visible says no). */
function keyboardFocus(el: Element): boolean {
  try {
    return el.matches(':focus-visible');
  } catch {
    return false;
  }
}

/** By unit, in the units' worst-first order (then the area, then files and targets); by kind, worst severity first. */
function groupFindings(t: Strings, outcome: CheckOutcome, shown: Finding[], by: GroupBy): Group[] {
  const map = new Map<string, Finding[]>();
  for (const f of shown) {
    const key = by === 'unit' ? f.unit : f.kind;
    const list = map.get(key);
    if (list) list.push(f);
    else map.set(key, [f]);
  }
  let order: string[];
  if (by === 'unit') {
    const ranked = worstFirst(outcome.result.units).map((u) => u.unit);
    order = [...ranked.filter((u) => map.has(u)), ...[...map.keys()].filter((k) => !ranked.includes(k))];
  } else {
    const worst = (k: string) => Math.min(...map.get(k)!.map((f) => SEVERITIES.indexOf(f.severity)));
    order = [...map.keys()].sort((a, b) => worst(a) - worst(b) || map.get(b)!.length - map.get(a)!.length);
  }
  // Errors first inside a group (the sort is stable: the engine's order otherwise).
  const bySeverity = (a: Finding, b: Finding) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity);
  return order.map((key) => ({ key, label: by === 'unit' ? unitLabel(t, key) : t.kind[key as FindingKind], findings: map.get(key)!.sort(bySeverity) }));
}

/** A filter over a fixed list of values, with "all" as the empty choice. */
function Choice<T extends string>(props: { label: string; value: T | ''; all: string; options: readonly T[]; labelOf: (v: T) => string; onPick: (v: T | '') => void; testId: string }) {
  const styles = useStyles();
  return (
    <Field label={props.label} className={styles.field}>
      <Select className={styles.select} value={props.value} onChange={(_, d) => props.onPick(d.value as T | '')} data-testid={props.testId}>
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

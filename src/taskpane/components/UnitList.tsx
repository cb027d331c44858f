// One line per unit, worst first, each a button that shows only that unit's findings. "Chỉ đơn
// vị chưa đạt" hides the units on target; a long list is shown a page at a time. The list is
// one Tab stop: the arrow keys move inside it.
import { useMemo, useState } from 'react';
import { Button, Caption1, Checkbox, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useFocusAdded, useRoving } from '../hooks/useRoving';
import type { UnitSummary } from '../../core/session';
import type { Strings } from '../strings';
import { Section } from './Section';
import { StatusIcon, unitLine, worstFirst } from './resultsParts';

const PAGE = 30;

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  unit: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    width: '100%',
    minWidth: 0,
    justifyContent: 'flex-start',
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
    border: `1px solid transparent`,
  },
  // The chosen unit: a brand border and background, not only aria-pressed.
  selected: {
    backgroundColor: tokens.colorBrandBackground2,
    border: `1px solid ${tokens.colorBrandStroke1}`,
    boxShadow: `inset 4px 0 0 ${tokens.colorBrandStroke1}`,
  },
  text: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', minWidth: 0, overflowWrap: 'anywhere' },
  // Heard, not seen: keeps a unit's name and its status apart when read as one button name.
  spoken: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground3 },
});

interface Props {
  t: Strings;
  units: readonly UnitSummary[];
  chosen: string | null;
  onChoose: (unit: string | null) => void;
}

export function UnitList({ t, units, chosen, onChoose }: Props) {
  const styles = useStyles();
  const [onlyFailing, setOnlyFailing] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const arrows = useRoving<HTMLUListElement>();
  const focusAdded = useFocusAdded(arrows.ref);
  const ranked = useMemo(() => worstFirst(units), [units]);
  const shown = onlyFailing ? ranked.filter((u) => u.status !== 'ok') : ranked;
  return (
    <Section heading={t.units.heading} testId="units">
      {units.length === 0 ? (
        <Caption1>{t.units.none}</Caption1>
      ) : (
        <>
          <Checkbox checked={onlyFailing} onChange={(_, d) => setOnlyFailing(d.checked === true)} label={`${t.pane.onlyFailing} (${t.pane.unitsShown(ranked.filter((u) => u.status !== 'ok').length, units.length)})`} data-testid="only-failing" />
          <ul className={styles.list} data-testid="unit-list" {...arrows}>
            {shown.slice(0, limit).map((u) => (
              <li key={u.unit} data-testid="unit">
                <Button
                  appearance="subtle"
                  className={mergeClasses(styles.unit, chosen === u.unit && styles.selected)}
                  aria-pressed={chosen === u.unit}
                  data-roving=""
                  onClick={() => onChoose(chosen === u.unit ? null : u.unit)}
                  icon={<StatusIcon status={u.status} />}
                >
                  <span className={styles.text}>
                    <Text weight="semibold">{u.unit}</Text>
                    <span className={styles.spoken}>: </span>
                    <Caption1 data-testid="unit-status">{unitLine(t, u)}</Caption1>
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
          {shown.length > limit && (
            <Button appearance="secondary" onClick={() => (focusAdded(limit), setLimit(limit + PAGE))} data-testid="more-units">
              {t.pane.showMoreUnits(Math.min(PAGE, shown.length - limit))}
            </Button>
          )}
        </>
      )}
    </Section>
  );
}

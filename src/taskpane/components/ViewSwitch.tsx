// "Thiết lập" / "Kết quả": two tabs over the two views (the arrow keys move between them).
import { makeStyles, mergeClasses, tokens, typographyStyles } from '@fluentui/react-components';
import { useRoving } from '../hooks/useRoving';
import type { Strings } from '../strings';

export type View = 'setup' | 'results';

const useStyles = makeStyles({
  list: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  tab: {
    ...typographyStyles.body1,
    border: 'none',
    background: 'none',
    color: tokens.colorNeutralForeground2,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: '3px solid transparent',
    cursor: 'pointer',
    ':hover': { color: tokens.colorNeutralForeground1 },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  selected: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold, borderBottomColor: tokens.colorBrandStroke1 },
});

export function ViewSwitch({ t, view, onView }: { t: Strings; view: View; onView: (v: View) => void }) {
  const styles = useStyles();
  const roving = useRoving<HTMLDivElement>();
  const tab = (v: View, label: string) => (
    <button
      type="button"
      role="tab"
      id={`tab-${v}`}
      aria-selected={view === v}
      aria-controls={`view-${v}`}
      className={mergeClasses(styles.tab, view === v && styles.selected)}
      onClick={() => onView(v)}
      data-roving=""
      data-testid={`view-${v}`}
    >
      {label}
    </button>
  );
  return (
    <div role="tablist" aria-label={t.pane.views} className={styles.list} {...roving}>
      {tab('setup', t.pane.setup)}
      {tab('results', t.pane.results)}
    </div>
  );
}

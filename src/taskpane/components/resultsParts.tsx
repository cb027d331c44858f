// Small pieces the result views share: the icons of severities and statuses, units ranked
// worst first, and the labels of the "unit" of a finding.
import type { ReactElement } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Filled, DocumentDismiss20Filled, ErrorCircle20Filled, Info20Filled, QuestionCircle20Filled, Warning20Filled } from '@fluentui/react-icons';
import type { Severity } from '../../core/plan';
import type { UnitSummary, UnitStatus } from '../../core/session';
import type { Strings } from '../strings';

export const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

export const useIconStyles = makeStyles({
  error: { color: tokens.colorPaletteRedForeground1, flexShrink: 0 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, flexShrink: 0 },
  info: { color: tokens.colorPaletteBlueForeground2, flexShrink: 0 },
  ok: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  muted: { color: tokens.colorNeutralForeground3, flexShrink: 0 },
});

export function SeverityIcon({ severity }: { severity: Severity }): ReactElement {
  const s = useIconStyles();
  if (severity === 'error') return <ErrorCircle20Filled className={s.error} aria-hidden />;
  if (severity === 'warning') return <Warning20Filled className={s.warning} aria-hidden />;
  return <Info20Filled className={s.info} aria-hidden />;
}

export function StatusIcon({ status }: { status: UnitStatus }): ReactElement {
  const s = useIconStyles();
  switch (status) {
    case 'ok':
      return <CheckmarkCircle20Filled className={s.ok} aria-hidden />;
    case 'warnings':
      return <Warning20Filled className={s.warning} aria-hidden />;
    case 'errors':
      return <ErrorCircle20Filled className={s.error} aria-hidden />;
    case 'unreadable':
      return <DocumentDismiss20Filled className={s.error} aria-hidden />;
    case 'missing':
    case 'other-period':
      return <DocumentDismiss20Filled className={s.muted} aria-hidden />;
    default:
      return <QuestionCircle20Filled className={s.muted} aria-hidden />;
  }
}

/** Worst first: a unit whose report could not be read, then errors, not sent (or only another year's report), unknown, warnings, on target. */
const RANK: Record<UnitStatus, number> = { unreadable: 0, errors: 1, 'other-period': 2, missing: 2, unknown: 3, warnings: 4, ok: 5 };

export function worstFirst(units: readonly UnitSummary[]): UnitSummary[] {
  return units
    .map((u, i) => ({ u, i }))
    .sort((a, b) => RANK[a.u.status] - RANK[b.u.status] || b.u.errors - a.u.errors || b.u.warnings - a.u.warnings || a.i - b.i)
    .map((x) => x.u);
}

/**
 * What a unit's line says after its name: the counts where there are some ("2 lỗi · 1 cảnh báo",
 * which already say it has errors), the status word otherwise ("Đạt", "Chưa gửi báo cáo").
 */
export function unitLine(t: Strings, u: UnitSummary): string {
  if (u.status === 'errors' || u.status === 'warnings') return t.units.counts(u.errors, u.warnings, u.infos);
  if (u.status === 'missing' || (u.errors === 0 && u.warnings === 0 && u.infos === 0)) return t.units.status[u.status];
  return `${t.units.status[u.status]} · ${t.units.counts(u.errors, u.warnings, u.infos)}`;
}

export function unitLabel(t: Strings, unit: string): string {
  return unit === '*' ? t.findings.area : unit === '' ? t.findings.general : unit;
}

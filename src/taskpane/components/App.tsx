// The task pane: rules, sources, the check and what to do with its result. Every Office
// operation goes through the PaneHost it is given, so the pane renders and is tested without
// Excel. One operation at a time: a click that arrives while one runs is ignored here, not
// only by the disabled look of the buttons (two clicks can land before the next render).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { Button, Caption1, Divider, Field, ProgressBar, Spinner, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Regular, Dismiss20Regular, Eraser20Regular, MailArrowUp20Regular, PaintBucket20Regular, QuestionCircle20Regular, TableAdd20Regular } from '@fluentui/react-icons';
import { FINDING_KINDS } from '../../core/findings';
import type { Finding } from '../../core/findings';
import type { WorkbookModel } from '../../core/model';
import { formatNumber, formatPercent } from '../../core/numbers';
import { FEEDBACK_SHEET, planFeedback } from '../../core/plan-feedback';
import type { PaneHost, WorkbookInfo } from '../host';
import type { Operation, Strings } from '../strings';
import { CheckOutcome, PaneError, PickedFile, hasRulesSheet, keepCheck, pickedFile, reasonOf, reportSheetNames, runCheck } from '../check';
import { AcceptDialog } from './AcceptDialog';
import { Notice, NoticeBar } from './NoticeBar';
import { RulesSection, RulesFrom } from './RulesSection';
import { SourcesSection, SheetChoice } from './SourcesSection';
import { Results } from './Results';
import { Help } from './Help';
import { isNotAReport } from '../../files/not-reports';

export interface AppProps {
  host: PaneHost;
  strings: Strings;
  /** The bundled sample targets (rules sheets only). */
  sampleRules: () => Promise<WorkbookModel>;
}

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  dragging: { outline: `2px dashed ${tokens.colorBrandStroke1}`, outlineOffset: '-6px' },
  header: { display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  titles: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  help: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
  },
  title: { margin: 0, color: tokens.colorBrandForeground1 },
  // Fluent's Divider grows to fill a flex container; in this column it must not.
  divider: { flexGrow: 0 },
  run: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  check: { width: '100%' },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface FileEntry {
  id: number;
  file: PickedFile;
}

export function App({ host, strings: t, sampleRules }: AppProps) {
  const styles = useStyles();
  const [info, setInfo] = useState<WorkbookInfo | null>(null);
  const [rulesFrom, setRulesFrom] = useState<RulesFrom | null>(null);
  const [rulesFile, setRulesFile] = useState<PickedFile | null>(null);
  const [useWorkbook, setUseWorkbook] = useState(true);
  const [sheetChoice, setSheetChoice] = useState<SheetChoice>('all');
  const [chosen, setChosen] = useState<string[]>([]);
  const [files, setFiles] = useState<FileEntry[]>([]);
  const [busy, setBusy] = useState<Operation | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number; name: string } | null>(null);
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [dragging, setDragging] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  /** The unit chosen in the findings' filter: "Tạo phiếu phản hồi" then writes that unit's sheet only. */
  const [unitChosen, setUnitChosen] = useState<string | null>(null);
  const [accepting, setAccepting] = useState<Finding | null>(null);
  /** Operations finished so far: lets a test (or an observer) tell when a click's work is over. */
  const [finished, setFinished] = useState(0);
  const busyRef = useRef(false);
  const nextFileId = useRef(1);

  /**
   * Runs one operation; returns without doing anything while another is running. A failure's
   * notice says what happened (the adapter's message) and offers to run the same work again,
   * unless it is a PaneError: those ask the user to change something first.
   */
  const act = useCallback(
    async (op: Operation, work: () => Promise<void>, retrying = false): Promise<void> => {
      if (busyRef.current) return;
      busyRef.current = true;
      setBusy(op);
      if (op !== 'refresh' || retrying) setNotice(null);
      try {
        await work();
      } catch (e) {
        setNotice({
          intent: 'error',
          title: e instanceof PaneError && e.title ? e.title : t.notices.failed[op],
          text: e instanceof PaneError || e instanceof Error ? e.message : t.errors.unexpected(reasonOf(e)),
          retry: e instanceof PaneError ? undefined : () => void act(op, work, true),
        });
      } finally {
        busyRef.current = false;
        setBusy(null);
        setProgress(null);
        setFinished((n) => n + 1);
      }
    },
    [t],
  );

  const learn = useCallback((next: WorkbookInfo) => {
    setInfo(next);
    // The first look decides where the rules come from; the user's choice is kept after that.
    setRulesFrom((from) => from ?? (hasRulesSheet(next) ? 'workbook' : 'file'));
  }, []);

  const refresh = useCallback(() => act('refresh', async () => learn(await host.describeWorkbook())), [act, host, learn]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const insertSample = () =>
    act('insert', async () => {
      const [now, model] = await Promise.all([host.describeWorkbook(), sampleRules()]);
      const taken = new Set(now.sheets.map((s) => s.name.toLowerCase()));
      const clash = model.sheets.filter((s) => taken.has(s.name.toLowerCase())).map((s) => s.name);
      if (clash.length) {
        learn(now);
        setNotice({ intent: 'warning', text: t.rules.sampleClash(clash) });
        return;
      }
      const written = await host.insertSheets(model.sheets);
      learn(await host.describeWorkbook());
      setRulesFrom('workbook');
      setNotice({ intent: 'success', text: t.rules.inserted(written) });
    });

  /** The check itself, shared by "Kiểm tra" and by accepting an explanation (which checks again). */
  const checkNow = async (): Promise<CheckOutcome> => {
    const result = await runCheck(
      host,
      {
        rules: rulesFrom === 'workbook' ? { from: 'workbook' } : { from: 'file', file: rulesFile },
        sheets: !useWorkbook ? [] : sheetChoice === 'all' ? 'all' : chosen,
        files: files.map((f) => f.file),
      },
      t,
      setProgress,
    );
    learn(result.info);
    setOutcome(result);
    return result;
  };

  const check = () =>
    act('check', async () => {
      const c = (await checkNow()).counts;
      setNotice({ intent: c.error ? 'warning' : 'success', text: t.summary.done(c.error, c.warning, c.info) });
    });

  const flag = () =>
    act('flag', async () => {
      if (!outcome) return;
      const flags = outcome.plan.flags.filter((f) => f.file === outcome.workbook);
      if (!flags.length) {
        setNotice({ intent: 'info', text: t.notices.nothingToFlag });
        return;
      }
      const r = await host.applyFlags(flags, outcome.workbook);
      setNotice({ intent: 'success', text: t.notices.flagged(r.applied, r.skipped) });
    });

  const clear = () =>
    act('clear', async () => {
      const r = await host.clearFlags();
      setNotice({ intent: 'success', text: t.notices.cleared(r.restored, r.kept) });
    });

  const rollup = () =>
    act('rollup', async () => {
      if (!outcome) return;
      const written = await host.writeRollup(outcome.plan);
      // This check is the one the next compares with.
      await keepCheck(host, outcome.result);
      setNotice({ intent: 'success', text: t.notices.rollupDone(written) });
      learn(await host.describeWorkbook().catch(() => outcome.info));
    });

  /** A feedback sheet per unit, or only the unit chosen in the findings' filter. */
  const feedback = () =>
    act('feedback', async () => {
      if (!outcome) return;
      const all = planFeedback(outcome.result);
      const wanted = unitChosen ? all.filter((f) => f.unit === unitChosen) : all;
      if (!wanted.length) {
        setNotice({ intent: 'info', text: t.notices.nothingForFeedback });
        return;
      }
      const sheets = wanted.map((f) => ({ ...f.sheet, name: `${FEEDBACK_SHEET} – ${f.unit}` }));
      const written = await host.writeFeedback({ sheets, flags: [] }, unitChosen ? 'these' : 'all');
      await keepCheck(host, outcome.result);
      setNotice({ intent: 'success', text: t.notices.feedbackDone(written) });
      learn(await host.describeWorkbook().catch(() => outcome.info));
    });

  const accept = (f: Finding, reason: string, by: string) =>
    act('accept', async () => {
      setAccepting(null);
      const rate = f.indicator ? outcome?.result.rules.byCode.get(f.indicator)?.rate : false;
      const value = typeof f.actual === 'number' ? (rate ? f.actual * 100 : f.actual) : f.actual;
      await host.appendExplanation({ unit: f.unit === '*' ? 'Toàn địa bàn' : f.unit, code: f.indicator ?? '', kind: FINDING_KINDS[f.kind].label, value, reason, by, date: today() });
      await checkNow();
      setNotice({ intent: 'success', text: t.notices.acceptedWritten(f.unit, f.indicator ?? '') });
    });

  const show = (sheet: string, cell: string) =>
    act('show', async () => {
      await host.showSheet(sheet, cell);
      setNotice({ intent: 'success', text: t.notices.shown(sheet, cell) });
      learn(await host.describeWorkbook());
    });

  const select = (sheet: string, cell: string) =>
    act('select', async () => {
      const { hidden } = await host.selectCell(sheet, cell);
      if (hidden)
        setNotice({ intent: 'warning', text: t.notices.hiddenSheet(sheet, cell), action: { label: t.notices.showSheet, run: () => void show(sheet, cell), testId: 'show-sheet' } });
      else setNotice({ intent: 'info', text: t.notices.selected(sheet, cell) });
    });

  const addFiles = (all: File[]) => {
    // Lock files and macOS companions come along with a dropped folder's files: not reports.
    const picked = all.filter((f) => !isNotAReport(f.name));
    if (!picked.length) return;
    setFiles((old) => {
      // The same name again replaces the earlier copy: dropping a corrected file is the usual reason.
      const names = new Set(picked.map((f) => f.name));
      return [...old.filter((f) => !names.has(f.file.name)), ...picked.map((f) => ({ id: nextFileId.current++, file: pickedFile(f) }))];
    });
  };

  const onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDragLeave = (e: DragEvent) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    addFiles(Array.from(e.dataTransfer.files));
  };

  const isBusy = busy !== null;
  const checking = busy === 'check';
  const reportSheets = reportSheetNames(info);

  return (
    <main
      className={dragging ? `${styles.root} ${styles.dragging}` : styles.root}
      aria-busy={isBusy}
      data-finished={finished}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      <header className={styles.header}>
        <div className={styles.titles}>
          <Title3 as="h1" className={styles.title}>
            {t.appTitle}
          </Title3>
          {info && <Caption1 data-testid="workbook-name">{t.workbook(info.name)}</Caption1>}
        </div>
        <Button
          appearance="subtle"
          size="small"
          icon={helpOpen ? <Dismiss20Regular /> : <QuestionCircle20Regular />}
          aria-expanded={helpOpen}
          aria-controls="help-panel"
          onClick={() => setHelpOpen((o) => !o)}
          data-testid="help-toggle"
        >
          {helpOpen ? t.help.close : t.help.open}
        </Button>
      </header>

      {helpOpen && (
        <section id="help-panel" className={styles.help} aria-labelledby="help-heading">
          <Title3 as="h2" id="help-heading" className={styles.title}>
            {t.help.heading}
          </Title3>
          <Help t={t} onInsertSample={insertSample} busy={isBusy} />
        </section>
      )}

      <RulesSection
        t={t}
        from={rulesFrom ?? 'workbook'}
        onFrom={setRulesFrom}
        workbookHasRules={hasRulesSheet(info)}
        file={rulesFile}
        onFile={(f) => setRulesFile(f ? pickedFile(f) : null)}
        onInsertSample={insertSample}
        busy={isBusy}
      />

      <SourcesSection
        t={t}
        sheets={reportSheets}
        hidden={new Set(info?.sheets.filter((s) => !s.visible).map((s) => s.name))}
        useWorkbook={useWorkbook}
        onUseWorkbook={setUseWorkbook}
        choice={sheetChoice}
        onChoice={(c) => {
          setSheetChoice(c);
          if (c === 'chosen' && chosen.length === 0) setChosen(reportSheets);
        }}
        chosen={chosen}
        onChosen={setChosen}
        onRefresh={refresh}
        files={files}
        onAddFiles={addFiles}
        onRemoveFile={(id) => setFiles((old) => old.filter((f) => f.id !== id))}
        onRemoveAll={() => setFiles([])}
        dragging={dragging}
        busy={isBusy}
      />

      <Divider className={styles.divider} />

      <section className={styles.run} aria-label={t.actions.toolbar}>
        <Button
          appearance="primary"
          size="large"
          className={styles.check}
          icon={checking ? <Spinner size="tiny" /> : <CheckmarkCircle20Regular />}
          disabledFocusable={isBusy}
          onClick={check}
          data-testid="check"
        >
          {checking ? t.actions.checking : t.actions.check}
        </Button>
        {progress && progress.total > 0 && (
          <Field validationMessage={t.sources.reading(Math.min(progress.done + 1, progress.total), progress.total, progress.name)} validationState="none">
            <ProgressBar value={progress.done} max={progress.total} data-testid="progress" aria-label={t.sources.filesAdded(progress.total)} />
          </Field>
        )}
        <div className={styles.toolbar} role="toolbar" aria-label={t.actions.toolbar}>
          <Button icon={<PaintBucket20Regular />} disabledFocusable={isBusy || !outcome} onClick={flag} data-testid="flag">
            {t.actions.flag}
          </Button>
          <Button icon={<Eraser20Regular />} disabledFocusable={isBusy} onClick={clear} data-testid="clear">
            {t.actions.clear}
          </Button>
          <Button icon={<TableAdd20Regular />} disabledFocusable={isBusy || !outcome} onClick={rollup} data-testid="rollup">
            {t.actions.rollup}
          </Button>
          <Button icon={<MailArrowUp20Regular />} disabledFocusable={isBusy || !outcome} onClick={feedback} data-testid="feedback">
            {unitChosen && unitChosen !== '*' && unitChosen !== '' ? t.actions.feedbackFor(unitChosen) : t.actions.feedback}
          </Button>
        </div>
        {busy && busy !== 'check' && busy !== 'refresh' && <Spinner size="tiny" label={t.actions.working} labelPosition="after" />}
        <NoticeBar t={t} notice={notice} onDismiss={() => setNotice(null)} />
      </section>

      {outcome && <Results t={t} outcome={outcome} onSelect={select} onAccept={setAccepting} onUnit={setUnitChosen} busy={isBusy} />}
      <AcceptDialog
        key={accepting ? `${accepting.unit}|${accepting.indicator}|${accepting.kind}` : 'none'}
        t={t}
        finding={accepting}
        shownValue={accepting ? shownFigure(accepting, outcome) : ''}
        onSave={(reason, by) => accepting && void accept(accepting, reason, by)}
        onCancel={() => setAccepting(null)}
      />
    </main>
  );
}

/** Today as the "Giải trình" sheet writes dates: dd/mm/yyyy. */
function today(): string {
  const d = new Date();
  return `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
}

/** The figure a finding is about, as the pane shows figures. */
function shownFigure(f: Finding, outcome: CheckOutcome | null): string {
  if (typeof f.actual !== 'number') return f.actual === null ? '—' : String(f.actual);
  const rate = f.indicator ? outcome?.result.rules.byCode.get(f.indicator)?.rate : false;
  return rate ? formatPercent(f.actual) : formatNumber(f.actual);
}

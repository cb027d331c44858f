// The task pane: two views, "Thiết lập" (rules and reports) and "Kết quả", with "Kiểm tra" in a
// footer that stays in view. Every Office operation goes through the PaneHost it is given, so
// the pane renders and is tested without Excel. One operation at a time (useOperation).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { FINDING_KINDS } from '../../core/findings';
import type { Finding } from '../../core/findings';
import type { WorkbookModel } from '../../core/model';
import { formatNumber, formatPercent } from '../../core/numbers';
import { FEEDBACK_SHEET, planFeedback } from '../../core/plan-feedback';
import type { PaneHost, WorkbookInfo } from '../host';
import type { Strings } from '../strings';
import { CheckOutcome, PickedFile, hasRulesSheet, keepCheck, pickedFile, readChosenRules, reportSheetNames, runCheck } from '../check';
import { templateMaker } from '../readers';
import { isReadable } from '../formats';
import { useOperation } from '../hooks/useOperation';
import { useReportFiles } from '../hooks/useReportFiles';
import { AcceptDialog } from './AcceptDialog';
import type { FindingFilters } from './FindingList';
import { FirstRun } from './FirstRun';
import { Footer } from './Footer';
import { HelpPanel } from './HelpPanel';
import { NoticeBar } from './NoticeBar';
import { PaneHeader } from './PaneHeader';
import { ResultsView } from './ResultsView';
import { RulesSection, RulesFrom } from './RulesSection';
import { SourcesSection, SheetChoice } from './SourcesSection';
import { isNotAReport } from '../../files/not-reports';
import { WorkbookActions } from './WorkbookActions';
import { ViewSwitch } from './ViewSwitch';
import type { View } from './ViewSwitch';

export type { FileEntry } from '../hooks/useReportFiles';

export interface AppProps {
  host: PaneHost;
  strings: Strings;
  /** The bundled sample targets (rules sheets only). */
  sampleRules: () => Promise<WorkbookModel>;
  /** Switches the pane's language (the caller remembers it); without it no switch is shown. */
  onLanguage?: (lang: 'vi' | 'en') => void;
}


const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    height: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
    // A button's label wraps rather than pushing the pane wider (200 % zoom leaves 160 px).
    '& .fui-Button': { maxWidth: '100%', whiteSpace: 'normal', height: 'auto', minWidth: 0 },
    '& .fui-Select': { minWidth: 0, maxWidth: '100%' },
  },
  // A short pane (200 % zoom leaves 350 px): the page itself scrolls, so the header and a message
  // never squeeze the view to nothing; the footer still stays in view.
  short: { '@media (max-height: 500px)': { height: 'auto', minHeight: '100vh' } },
  dragging: { outline: `2px dashed ${tokens.colorBrandStroke1}`, outlineOffset: '-6px' },
  top: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`, minWidth: 0 },
  // The pane's one scrolling element per view: its width never exceeds the pane's.
  // Positioned, so the text kept for screen readers (absolutely placed) scrolls inside it, not the page.
  scroller: { position: 'relative', flex: '1 1 auto', overflowY: 'auto', overflowX: 'hidden', minHeight: 0, minWidth: 0, '@media (max-height: 500px)': { flex: 'none', overflowY: 'visible', overflowX: 'visible' } },
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`, minWidth: 0 },
});

export function App({ host, strings: t, sampleRules, onLanguage }: AppProps) {
  const styles = useStyles();
  const ops = useOperation(t);
  const { busy, notice, setNotice, run } = ops;
  const reportFiles = useReportFiles();
  const { files } = reportFiles;
  const [info, setInfo] = useState<WorkbookInfo | null>(null);
  const [rulesFrom, setRulesFrom] = useState<RulesFrom | null>(null);
  const [rulesFile, setRulesFile] = useState<{ id: number; file: PickedFile } | null>(null);
  const [useWorkbook, setUseWorkbook] = useState(true);
  const [sheetChoice, setSheetChoice] = useState<SheetChoice>('all');
  const [chosen, setChosen] = useState<string[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number; name: string } | null>(null);
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);
  const [checkedKey, setCheckedKey] = useState('');
  const [view, setView] = useState<View>('setup');
  const [focusToken, setFocusToken] = useState(0);
  const [dragging, setDragging] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [filters, setFilters] = useState<FindingFilters>({ unit: null, severity: '', kind: '', groupBy: 'unit' });
  const [accepting, setAccepting] = useState<Finding | null>(null);
  /** Whether the add-in's marks may be on the sheets: 'unknown' until the host or an operation says. */
  const [marks, setMarks] = useState<'yes' | 'no' | 'unknown'>('unknown');
  const nextRulesId = useRef(1);
  const topNotice = useRef<HTMLDivElement>(null);
  const rulesNotice = useRef<HTMLDivElement>(null);
  const sourcesNotice = useRef<HTMLDivElement>(null);

  const learn = useCallback((next: WorkbookInfo) => {
    setInfo(next);
    if (next.flagged !== undefined) setMarks(next.flagged ? 'yes' : 'no');
    // The first look decides where the rules come from; the user's choice is kept after that.
    setRulesFrom((from) => from ?? (hasRulesSheet(next) ? 'workbook' : 'file'));
  }, []);

  const refresh = useCallback(() => run('refresh', async () => learn(await host.describeWorkbook())), [run, host, learn]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  // A message about an input is shown on that input, in view, with the focus; a failed check's
  // message (at the top) takes the focus too.
  useEffect(() => {
    if (!notice) return;
    const near = notice.near === 'rules' ? rulesNotice : notice.near === 'sources' ? sourcesNotice : notice.op === 'check' && notice.intent === 'error' ? topNotice : null;
    if (!near) return;
    if (notice.near) setView('setup');
    requestAnimationFrame(() => {
      near.current?.focus();
      near.current?.scrollIntoView?.({ block: 'start' });
    });
  }, [notice]);

  // What the result depends on: a change marks it "Kết quả cũ".
  const keyOf = (sheets: WorkbookInfo['sheets'] | undefined) => JSON.stringify([rulesFrom, rulesFile?.id ?? 0, useWorkbook, sheetChoice, chosen, files.map((f) => f.id), sheets?.map((s) => s.name)]);
  const inputsKey = keyOf(info?.sheets);
  const stale = outcome !== null && checkedKey !== inputsKey;

  const insertSample = () =>
    run('insert', async () => {
      const [now, model] = await Promise.all([host.describeWorkbook(), sampleRules()]);
      const taken = new Set(now.sheets.map((s) => s.name.toLowerCase()));
      const clash = model.sheets.filter((s) => taken.has(s.name.toLowerCase())).map((s) => s.name);
      if (clash.length) {
        learn(now);
        setNotice({ intent: 'warning', text: t.rules.sampleClash(clash), near: 'rules' });
        return;
      }
      const written = await host.insertSheets(model.sheets);
      learn(await host.describeWorkbook());
      setHelpOpen(false);
      // A targets file the user chose is not set aside without asking.
      if (rulesFrom === 'file' && rulesFile) {
        setNotice({ intent: 'success', text: t.pane.insertedKeepFile(written, rulesFile.file.name), near: 'rules', action: { label: t.pane.useSample, run: () => setRulesFrom('workbook'), testId: 'use-sample' } });
        return;
      }
      setRulesFrom('workbook');
      setNotice({ intent: 'success', text: t.rules.inserted(written), near: 'rules' });
    });

  /** The units' report templates from the chosen rules, as `chitieu mau` makes them, in one zip to download. */
  const makeTemplates = () =>
    run('templates', async () => {
      const rules = await readChosenRules(host, rulesFrom === 'workbook' ? { from: 'workbook' } : { from: 'file', file: rulesFile?.file ?? null }, t);
      const zip = await (await templateMaker()).templateZip(rules);
      await host.saveFile(zip.name, zip.bytes, 'application/zip');
      setNotice({ intent: 'success', text: t.rules.templatesDone(zip.name, zip.files), near: 'rules' });
    });

  /** The check itself, shared by "Kiểm tra" and by accepting an explanation (which checks again). */
  const checkNow = async (): Promise<CheckOutcome> => {
    try {
      const result = await runCheck(
        host,
        {
          rules: rulesFrom === 'workbook' ? { from: 'workbook' } : { from: 'file', file: rulesFile?.file ?? null },
          sheets: !useWorkbook ? [] : sheetChoice === 'all' ? 'all' : chosen,
          files: files.map((f) => f.file),
        },
        t,
        setProgress,
      );
      learn(result.info);
      setOutcome(result);
      setCheckedKey(keyOf(result.info.sheets));
      return result;
    } finally {
      setProgress(null);
    }
  };

  const check = () =>
    run('check', async () => {
      const c = (await checkNow()).counts;
      setNotice({ intent: c.error ? 'warning' : 'success', text: t.summary.done(c.error, c.warning, c.info) });
      setView('results');
      setFocusToken((n) => n + 1);
    });

  const flag = () =>
    run('flag', async () => {
      if (!outcome) return;
      const flags = outcome.plan.flags.filter((f) => f.file === outcome.workbook);
      if (!flags.length) {
        setNotice({ intent: 'info', text: t.notices.nothingToFlag });
        return;
      }
      const r = await host.applyFlags(flags, outcome.workbook);
      setMarks('yes');
      setNotice({ intent: 'success', text: t.notices.flagged(r.applied, r.skipped) });
    });

  const clear = () =>
    run('clear', async () => {
      const r = await host.clearFlags();
      setMarks('no');
      setNotice({ intent: 'success', text: t.notices.cleared(r.restored, r.kept) });
    });

  const rollup = () =>
    run('rollup', async () => {
      if (!outcome) return;
      const written = await host.writeRollup(outcome.plan);
      // This check is the one the next compares with.
      await keepCheck(host, outcome.result);
      setNotice({ intent: 'success', text: t.notices.rollupDone(written) });
      learn(await host.describeWorkbook().catch(() => outcome.info));
    });

  const unitChosen = filters.unit;
  /** A feedback sheet per unit, or only the unit chosen in the findings' filter. */
  const feedback = () =>
    run('feedback', async () => {
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
    run('accept', async () => {
      setAccepting(null);
      const rate = f.indicator ? outcome?.result.rules.byCode.get(f.indicator)?.rate : false;
      const value = typeof f.actual === 'number' ? (rate ? f.actual * 100 : f.actual) : f.actual;
      await host.appendExplanation({ unit: f.unit === '*' ? 'Toàn địa bàn' : f.unit, code: f.indicator ?? '', kind: FINDING_KINDS[f.kind].label, value, reason, by, date: today() });
      await checkNow();
      setNotice({ intent: 'success', text: t.notices.acceptedWritten(f.unit, f.indicator ?? '') });
    });

  const show = (sheet: string, cell: string) =>
    run('show', async () => {
      await host.showSheet(sheet, cell);
      setNotice({ intent: 'success', text: t.notices.shown(sheet, cell) });
      learn(await host.describeWorkbook());
    });

  const select = (sheet: string, cell: string) =>
    run('select', async () => {
      const { hidden } = await host.selectCell(sheet, cell);
      if (hidden)
        setNotice({ intent: 'warning', text: t.notices.hiddenSheet(sheet, cell), action: { label: t.notices.showSheet, run: () => void show(sheet, cell), testId: 'show-sheet' } });
      else setNotice({ intent: 'info', text: t.notices.selected(sheet, cell) });
    });

  /** Files the reader cannot read are refused now, named, before any check. */
  const addFiles = (all: File[]) => {
    // Lock files and macOS companions come along with a dropped folder's files: not reports.
    const picked = all.filter((f) => !isNotAReport(f.name));
    if (!picked.length) return;
    const refused = reportFiles.add(picked);
    if (refused.length) setNotice({ intent: 'error', text: t.pane.refused(refused), near: 'sources' });
    else if (notice?.near === 'sources') setNotice(null);
  };
  const pickRules = (f: File | null) => {
    if (f && !isReadable(f.name)) {
      setNotice({ intent: 'error', text: t.pane.refused([f.name]), near: 'rules' });
      return;
    }
    setRulesFile(f ? { id: nextRulesId.current++, file: pickedFile(f) } : null);
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
    setView('setup');
    addFiles(Array.from(e.dataTransfer.files));
  };

  const isBusy = busy !== null;
  const reportSheets = reportSheetNames(info);
  const blank = info !== null && !hasRulesSheet(info) && files.length === 0 && !outcome;
  const noticeAt = (where: 'rules' | 'sources') => (
    <NoticeBar t={t} notice={notice?.near === where ? notice : null} onDismiss={() => setNotice(null)} regionRef={where === 'rules' ? rulesNotice : sourcesNotice} testId={`notice-region-${where}`} />
  );
  const why = (extra: string | null) => (!outcome ? t.pane.why.needCheck : stale ? t.pane.why.stale : extra);
  const feedbackUnits = outcome ? outcome.result.units.some((u) => u.errors + u.warnings + u.infos > 0) : false;

  return (
    <main
      className={mergeClasses(styles.root, styles.short, dragging && styles.dragging)}
      aria-busy={isBusy}
      data-finished={ops.finished}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      <div className={styles.top}>
        <PaneHeader t={t} workbook={info?.name ?? null} helpOpen={helpOpen} onHelp={() => setHelpOpen((o) => !o)} onLanguage={onLanguage} />
        <ViewSwitch t={t} view={view} onView={setView} />
        <NoticeBar t={t} notice={notice && !notice.near ? notice : null} onDismiss={() => setNotice(null)} regionRef={topNotice} />
      </div>

      <div className={styles.scroller} id="view-setup" role="tabpanel" aria-labelledby="tab-setup" hidden={view !== 'setup'} data-testid="scroller-setup" tabIndex={-1}>
        <div className={styles.view}>
          {helpOpen && view === 'setup' && <HelpPanel t={t} onInsertSample={insertSample} busy={isBusy} />}
          {blank && !helpOpen && <FirstRun t={t} onInsertSample={insertSample} onHelp={() => setHelpOpen(true)} busy={isBusy} />}
          <RulesSection
            t={t}
            from={rulesFrom ?? 'workbook'}
            onFrom={setRulesFrom}
            workbookHasRules={hasRulesSheet(info)}
            file={rulesFile?.file ?? null}
            onFile={pickRules}
            onInsertSample={insertSample}
            onTemplates={makeTemplates}
            busy={isBusy}
            notice={noticeAt('rules')}
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
            onRemoveFile={reportFiles.remove}
            onRemoveAll={reportFiles.clear}
            dragging={dragging}
            busy={isBusy}
            notice={noticeAt('sources')}
          />
        </div>
      </div>

      <div className={styles.scroller} id="view-results" role="tabpanel" aria-labelledby="tab-results" hidden={view !== 'results'} data-testid="scroller-results" tabIndex={-1}>
        <div className={styles.view}>
          {helpOpen && view === 'results' && <HelpPanel t={t} onInsertSample={insertSample} busy={isBusy} />}
          <ResultsView
            t={t}
            outcome={outcome}
            stale={stale}
            filters={filters}
            onFilters={(f) => setFilters((old) => ({ ...old, ...f }))}
            onSelect={select}
            onAccept={setAccepting}
            busy={isBusy}
            focusToken={focusToken}
            actions={
              <WorkbookActions
                t={t}
                busy={isBusy}
                flag={{ why: why(outcome && !outcome.plan.flags.some((f) => f.file === outcome.workbook) ? t.pane.why.nothingToFlag : null) }}
                rollup={{ why: why(null) }}
                feedback={{ why: why(feedbackUnits ? null : t.pane.why.nothingForFeedback) }}
                clearable={marks !== 'no'}
                feedbackLabel={unitChosen && unitChosen !== '*' && unitChosen !== '' ? t.actions.feedbackFor(unitChosen) : t.actions.feedback}
                onFlag={flag}
                onClear={clear}
                onRollup={rollup}
                onFeedback={feedback}
              />
            }
          />
        </div>
      </div>

      <Footer t={t} busy={busy} progress={progress} onCheck={check} />
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

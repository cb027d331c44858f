// The reports to check: sheets of this workbook (all or chosen) and files picked or dropped
// on the pane. Files are read in the pane at check time, never inserted into the workbook.
// A long file list is folded to its count, so it never pushes the rest of the pane away.
import { useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Body1, Button, Caption1, Checkbox, Field, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwise20Regular, ChevronDown16Regular, ChevronUp16Regular, Dismiss20Regular, DocumentAdd20Regular } from '@fluentui/react-icons';
import { ACCEPT } from '../formats';
import type { FileEntry } from '../hooks/useReportFiles';
import type { Strings } from '../strings';
import { Section } from './Section';

export type SheetChoice = 'all' | 'chosen';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: 0 },
  sheets: {
    display: 'flex',
    flexDirection: 'column',
    maxHeight: '240px',
    overflowY: 'auto',
    paddingLeft: tokens.spacingHorizontalL,
    border: 'none',
    margin: 0,
    minWidth: 0,
  },
  drop: {
    padding: tokens.spacingVerticalS,
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground3,
    textAlign: 'center',
    overflowWrap: 'anywhere',
  },
  dropActive: { border: `2px dashed ${tokens.colorBrandStroke1}`, color: tokens.colorBrandForeground1, backgroundColor: tokens.colorBrandBackground2 },
  files: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, maxHeight: '240px', overflowY: 'auto' },
  file: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  fileName: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  hint: { color: tokens.colorNeutralForeground3 },
});

interface Props {
  t: Strings;
  /** Sheets of this workbook that can be reports. */
  sheets: string[];
  hidden: Set<string>;
  useWorkbook: boolean;
  onUseWorkbook: (on: boolean) => void;
  choice: SheetChoice;
  onChoice: (c: SheetChoice) => void;
  chosen: string[];
  onChosen: (names: string[]) => void;
  onRefresh: () => void;
  files: FileEntry[];
  onAddFiles: (files: File[]) => void;
  onRemoveFile: (id: number) => void;
  onRemoveAll: () => void;
  dragging: boolean;
  busy: boolean;
  /** A message about the reports (files refused, nothing to check), shown here. */
  notice?: ReactNode;
}

export function SourcesSection(p: Props) {
  const { t } = p;
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <Section heading={t.sources.heading} testId="sources-section">
      <div className={styles.row}>
        <Checkbox
          className={styles.grow}
          checked={p.useWorkbook}
          onChange={(_, d) => p.onUseWorkbook(d.checked === true)}
          label={t.sources.useWorkbook}
          data-testid="use-workbook"
        />
        <Button appearance="subtle" icon={<ArrowClockwise20Regular />} aria-label={t.sources.refresh} title={t.sources.refresh} onClick={p.onRefresh} disabledFocusable={p.busy} data-testid="refresh" />
      </div>
      {p.useWorkbook && <SheetPicker {...p} />}
      <div className={styles.row}>
        <Button icon={<DocumentAdd20Regular />} onClick={() => input.current?.click()} disabledFocusable={p.busy} data-testid="add-files">
          {t.sources.addFiles}
        </Button>
        <input
          ref={input}
          type="file"
          accept={ACCEPT}
          multiple
          hidden
          data-testid="report-input"
          onChange={(e) => {
            p.onAddFiles(Array.from(e.target.files ?? []));
            e.target.value = '';
          }}
        />
      </div>
      <div className={p.dragging ? `${styles.drop} ${styles.dropActive}` : styles.drop} data-testid="drop-zone">
        <Caption1>{p.dragging ? t.sources.dropNow : t.sources.dropHint}</Caption1>
      </div>
      {p.notice}
      {p.files.length > 0 && <FileList {...p} />}
    </Section>
  );
}

function SheetPicker(p: Props) {
  const { t } = p;
  const styles = useStyles();
  if (p.sheets.length === 0) return <Caption1 className={styles.hint}>{t.sources.noSheets}</Caption1>;
  return (
    <>
      <Field label={t.sources.which}>
        <RadioGroup value={p.choice} onChange={(_, d) => p.onChoice(d.value as SheetChoice)} data-testid="sheet-choice">
          <Radio value="all" label={t.sources.allSheets(p.sheets.length)} />
          <Radio value="chosen" label={t.sources.chosenSheets} />
        </RadioGroup>
      </Field>
      {p.choice === 'chosen' && (
        <fieldset className={styles.sheets} data-testid="sheet-list">
          <legend className={styles.hint}>{t.sources.sheetList}</legend>
          {p.sheets.map((name) => (
            <Checkbox
              key={name}
              label={p.hidden.has(name) ? `${name} ${t.sources.hiddenSheet}` : name}
              checked={p.chosen.includes(name)}
              onChange={(_, d) => p.onChosen(d.checked === true ? [...p.chosen, name] : p.chosen.filter((n) => n !== name))}
            />
          ))}
        </fieldset>
      )}
    </>
  );
}

/** "6 tệp báo cáo · Xem danh sách": the list itself only on request. */
function FileList(p: Props) {
  const { t } = p;
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const headingId = useId();
  return (
    <>
      <div className={styles.row}>
        <Body1 id={headingId} className={styles.grow} data-testid="file-count">
          {t.sources.filesAdded(p.files.length)}
        </Body1>
        <Button
          appearance="subtle"
          size="small"
          icon={open ? <ChevronUp16Regular /> : <ChevronDown16Regular />}
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((o) => !o)}
          data-testid="toggle-files"
        >
          {open ? t.pane.hideList : t.pane.showList}
        </Button>
        <Button appearance="subtle" size="small" onClick={p.onRemoveAll} disabledFocusable={p.busy} data-testid="remove-all-files">
          {t.sources.removeAllFiles}
        </Button>
      </div>
      {open && (
        <ul id={listId} className={styles.files} aria-labelledby={headingId} data-testid="file-list">
          {p.files.map((f) => (
            <li key={f.id} className={styles.file}>
              <Caption1 className={styles.fileName}>{f.file.name}</Caption1>
              <Button
                size="small"
                appearance="subtle"
                icon={<Dismiss20Regular />}
                aria-label={t.sources.removeFile(f.file.name)}
                title={t.sources.removeFile(f.file.name)}
                onClick={() => p.onRemoveFile(f.id)}
                disabledFocusable={p.busy}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

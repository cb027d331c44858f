// The reports to check: sheets of this workbook (all or chosen) and files picked or dropped
// on the pane. Files are read in the pane at check time, never inserted into the workbook.
import { useRef } from 'react';
import { Body1, Button, Caption1, Checkbox, Field, Radio, RadioGroup, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwise20Regular, Dismiss20Regular, DocumentAdd20Regular } from '@fluentui/react-icons';
import type { Strings } from '../strings';
import type { FileEntry } from './App';

export type SheetChoice = 'all' | 'chosen';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  grow: { flexGrow: 1 },
  sheets: {
    display: 'flex',
    flexDirection: 'column',
    maxHeight: '240px',
    overflowY: 'auto',
    paddingLeft: tokens.spacingHorizontalL,
    border: 'none',
    margin: 0,
  },
  drop: {
    padding: tokens.spacingVerticalS,
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground3,
    textAlign: 'center',
  },
  dropActive: { border: `2px dashed ${tokens.colorBrandStroke1}`, color: tokens.colorBrandForeground1, backgroundColor: tokens.colorBrandBackground2 },
  files: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  file: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  fileName: { flexGrow: 1, overflowWrap: 'anywhere' },
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
}

export function SourcesSection(p: Props) {
  const { t } = p;
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <section className={styles.section} aria-labelledby="sources-heading">
      <Subtitle2 as="h2" id="sources-heading" className={styles.heading}>
        {t.sources.heading}
      </Subtitle2>
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
      {p.useWorkbook &&
        (p.sheets.length === 0 ? (
          <Caption1 className={styles.hint}>{t.sources.noSheets}</Caption1>
        ) : (
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
        ))}
      <div className={styles.row}>
        <Button icon={<DocumentAdd20Regular />} onClick={() => input.current?.click()} disabledFocusable={p.busy} data-testid="add-files">
          {t.sources.addFiles}
        </Button>
        {p.files.length > 0 && (
          <Button appearance="subtle" onClick={p.onRemoveAll} disabledFocusable={p.busy} data-testid="remove-all-files">
            {t.sources.removeAllFiles}
          </Button>
        )}
        <input
          ref={input}
          type="file"
          accept=".xlsx,.xlsm,.xls,.xlsb,.ods"
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
      {p.files.length > 0 && (
        <>
          <Body1 id="files-heading">{t.sources.filesAdded(p.files.length)}</Body1>
          <ul className={styles.files} aria-labelledby="files-heading" data-testid="file-list">
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
        </>
      )}
    </section>
  );
}

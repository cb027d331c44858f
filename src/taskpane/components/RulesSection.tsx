// Where the targets come from: the rules sheets of this workbook or a rules file; and the
// button that inserts the sample targets as ordinary sheets to start from.
import { useRef } from 'react';
import type { ReactNode } from 'react';
import { Body1, Button, Caption1, Field, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { ACCEPT } from '../formats';
import { Section } from './Section';
import { DocumentArrowUp20Regular, DocumentTable20Regular, TableSimple20Regular } from '@fluentui/react-icons';
import type { PickedFile } from '../check';
import type { Strings } from '../strings';

export type RulesFrom = 'workbook' | 'file';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3 },
  name: { overflowWrap: 'anywhere' },
});

interface Props {
  t: Strings;
  from: RulesFrom;
  onFrom: (from: RulesFrom) => void;
  workbookHasRules: boolean;
  file: PickedFile | null;
  onFile: (file: File | null) => void;
  onInsertSample: () => void;
  /** Makes the units' report templates from the rules chosen here, as a download. */
  onTemplates: () => void;
  busy: boolean;
  /** A message about the rules, shown here. */
  notice?: ReactNode;
}

export function RulesSection({ t, from, onFrom, workbookHasRules, file, onFile, onInsertSample, onTemplates, busy, notice }: Props) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <Section heading={t.rules.heading} testId="rules-section">
      <Field label={t.rules.source}>
        <RadioGroup value={from} onChange={(_, d) => onFrom(d.value as RulesFrom)} data-testid="rules-from">
          <Radio value="workbook" label={t.rules.fromWorkbook} />
          <Radio value="file" label={t.rules.fromFile} />
        </RadioGroup>
      </Field>
      {from === 'workbook' ? (
        <Caption1 className={styles.hint} data-testid="rules-status">
          {workbookHasRules ? t.rules.workbookHasRules : t.rules.workbookLacksRules}
        </Caption1>
      ) : (
        <div className={styles.row}>
          <Button icon={<DocumentArrowUp20Regular />} onClick={() => input.current?.click()} disabledFocusable={busy} data-testid="pick-rules">
            {t.rules.pickFile}
          </Button>
          <Body1 className={styles.name} data-testid="rules-file">
            {file ? t.rules.chosenFile(file.name) : t.rules.noFileYet}
          </Body1>
          <input
            ref={input}
            type="file"
            accept={ACCEPT}
            hidden
            data-testid="rules-input"
            onChange={(e) => {
              onFile(e.target.files?.[0] ?? null);
              // Picking the same file again after editing it must still fire a change.
              e.target.value = '';
            }}
          />
        </div>
      )}
      <div className={styles.row}>
        <Button appearance="subtle" icon={<TableSimple20Regular />} onClick={onInsertSample} disabledFocusable={busy} aria-describedby="sample-hint" data-testid="insert-sample">
          {t.rules.insertSample}
        </Button>
      </div>
      <Caption1 id="sample-hint" className={styles.hint}>
        {t.rules.insertSampleHint}
      </Caption1>
      <div className={styles.row}>
        <Button appearance="subtle" icon={<DocumentTable20Regular />} onClick={onTemplates} disabledFocusable={busy} aria-describedby="templates-hint" data-testid="make-templates">
          {t.rules.templates}
        </Button>
      </div>
      <Caption1 id="templates-hint" className={styles.hint}>
        {t.rules.templatesHint}
      </Caption1>
      {notice}
    </Section>
  );
}

// Help inside the pane (and on help.html, the page the manifest's support link opens): what the
// tool does, the rules workbook (with the button that inserts the sample), what each finding
// kind means, what to do when a file cannot be read, and which Office versions work.
import { Body1, Button, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { TableSimple20Regular } from '@fluentui/react-icons';
import type { FindingKind } from '../../core/findings';
import type { Strings } from '../strings';

const useStyles = makeStyles({
  help: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  text: { overflowWrap: 'anywhere' },
  table: { borderCollapse: 'collapse', width: '100%' },
  cell: {
    textAlign: 'left',
    verticalAlign: 'top',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  note: { color: tokens.colorNeutralForeground3 },
});

interface Props {
  t: Strings;
  /** Inserts the sample rules sheets; absent on help.html, where there is no workbook. */
  onInsertSample?: () => void;
  busy?: boolean;
  /** Heading level of the parts: 3 inside the pane (under its "Hướng dẫn" heading), 2 on the page. */
  level?: 2 | 3;
}

export function Help({ t, onInsertSample, busy = false, level = 3 }: Props) {
  const styles = useStyles();
  const h = t.help;
  const title = (id: string, text: string) => (
    <Subtitle2 as={level === 3 ? 'h3' : 'h2'} id={id} className={styles.heading}>
      {text}
    </Subtitle2>
  );
  const kinds = Object.keys(h.findings.meaning) as FindingKind[];
  return (
    <div className={styles.help} data-testid="help">
      <section className={styles.part} aria-labelledby="help-what">
        {title('help-what', h.what.title)}
        {h.what.body.map((p) => (
          <Body1 as="p" key={p} className={styles.text}>
            {p}
          </Body1>
        ))}
      </section>

      <section className={styles.part} aria-labelledby="help-rules">
        {title('help-rules', h.rules.title)}
        <Body1 as="p" className={styles.text}>
          {h.rules.intro}
        </Body1>
        <ul className={styles.list}>
          {h.rules.sheets.map(([sheet, what]) => (
            <li key={sheet}>
              <Body1 className={styles.text}>
                <strong>{sheet}</strong>: {what}
              </Body1>
            </li>
          ))}
        </ul>
        <Body1 as="p" className={styles.text}>
          {h.rules.conditions}
        </Body1>
        {onInsertSample && (
          <>
            <Caption1 className={styles.note}>{h.rules.sample}</Caption1>
            <div>
              <Button icon={<TableSimple20Regular />} onClick={onInsertSample} disabledFocusable={busy} data-testid="help-insert-sample">
                {t.rules.insertSample}
              </Button>
            </div>
          </>
        )}
      </section>

      <section className={styles.part} aria-labelledby="help-findings">
        {title('help-findings', h.findings.title)}
        <Body1 as="p" className={styles.text}>
          {h.findings.intro}
        </Body1>
        <ul className={styles.list}>
          {kinds.map((k) => (
            <li key={k} data-kind={k}>
              <Body1 className={styles.text}>
                <strong>{t.kind[k]}</strong>: {h.findings.meaning[k]}
              </Body1>
            </li>
          ))}
        </ul>
      </section>

      <section className={styles.part} aria-labelledby="help-unreadable">
        {title('help-unreadable', h.unreadable.title)}
        <Body1 as="p" className={styles.text}>
          {h.unreadable.intro}
        </Body1>
        <ul className={styles.list}>
          {h.unreadable.causes.map(([cause, fix]) => (
            <li key={cause}>
              <Body1 className={styles.text}>
                <strong>{cause}</strong>: {fix}
              </Body1>
            </li>
          ))}
        </ul>
        <Body1 as="p" className={styles.text}>
          {h.unreadable.after}
        </Body1>
      </section>

      <section className={styles.part} aria-labelledby="help-versions">
        {title('help-versions', h.versions.title)}
        <Body1 as="p" className={styles.text}>
          {h.versions.intro}
        </Body1>
        <table className={styles.table} data-testid="help-versions">
          <thead>
            <tr>
              {h.versions.head.map((c) => (
                <th key={c} scope="col" className={styles.cell}>
                  <Body1>
                    <strong>{c}</strong>
                  </Body1>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {h.versions.rows.map(([office, verdict]) => (
              <tr key={office}>
                <th scope="row" className={styles.cell}>
                  <Body1>{office}</Body1>
                </th>
                <td className={styles.cell}>
                  <Body1>{verdict}</Body1>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Body1 as="p" className={styles.text}>
          {h.versions.after}
        </Body1>
      </section>
    </div>
  );
}

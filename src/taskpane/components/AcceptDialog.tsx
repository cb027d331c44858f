// "Chấp nhận giải trình…": asks for the reason the unit gave and who accepts it, then hands them
// on; the pane writes the row to the workbook's "Giải trình" sheet and checks again.
//
// The browser's own modal <dialog>, not Fluent's Dialog: Fluent's Dialog starts Tabster's
// modalizer as soon as it is mounted, even closed, and the modalizer puts two focus guards
// (<i aria-hidden="true" tabindex="0">) around the whole page, which axe reports as focusable
// hidden content whenever the focus is outside the pane. showModal() traps the focus, makes the
// rest of the pane inert, closes on Escape and gives the focus back, with no such guard.
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { Button, Field, Input, Textarea, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { Finding } from '../../core/findings';
import type { Strings } from '../strings';

const useStyles = makeStyles({
  dialog: {
    boxSizing: 'border-box',
    width: `calc(100% - 2 * ${tokens.spacingHorizontalM})`,
    maxWidth: '420px',
    maxHeight: `calc(100% - 2 * ${tokens.spacingVerticalL})`,
    overflowY: 'auto',
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorTransparentStroke}`,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    boxShadow: tokens.shadow64,
    '::backdrop': { backgroundColor: tokens.colorBackgroundOverlay },
    // The fields take the dialog's width, never the width of their 20 characters.
    '& .fui-Field': { minWidth: 0 },
    '& .fui-Textarea, & .fui-Input': { minWidth: 0, width: '100%', boxSizing: 'border-box' },
    '& textarea, & input': { minWidth: 0, width: '100%' },
  },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  title: { ...typographyStyles.subtitle1, margin: 0, overflowWrap: 'anywhere' },
  intro: { ...typographyStyles.body1, margin: 0, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', justifyContent: 'flex-end', gap: tokens.spacingHorizontalS },
});

interface Props {
  t: Strings;
  finding: Finding | null;
  /** The figure as the pane shows it ("6", "93,12%"). */
  shownValue: string;
  onSave: (reason: string, by: string) => void;
  onCancel: () => void;
}

export function AcceptDialog({ t, finding, shownValue, onSave, onCancel }: Props) {
  const styles = useStyles();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const introId = useId();
  const [reason, setReason] = useState('');
  const [by, setBy] = useState('');
  const [tried, setTried] = useState(false);
  const missing = tried && !reason.trim();
  const open = finding !== null;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) {
      // An engine without showModal (jsdom) shows it in place.
      if (typeof el.showModal === 'function') el.showModal();
      else el.setAttribute('open', '');
    } else if (!open && el.open) {
      if (typeof el.close === 'function') el.close();
      else el.removeAttribute('open');
    }
  }, [open]);
  // Closed before it leaves the page, so the browser gives the focus back to where it was.
  useLayoutEffect(() => {
    const el = ref.current;
    return () => {
      if (el?.open && typeof el.close === 'function') el.close();
    };
  }, []);
  const save = () => {
    setTried(true);
    if (reason.trim()) onSave(reason.trim(), by.trim());
  };
  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby={titleId}
      aria-describedby={introId}
      data-testid={open ? 'accept-dialog' : undefined}
      // Escape: the browser closes the dialog; the pane forgets the finding.
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      {open && (
        <form
          className={styles.body}
          // The pane says what is missing, in its own words, beside the field.
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <h2 id={titleId} className={styles.title}>
            {t.findings.acceptTitle}
          </h2>
          <p id={introId} className={styles.intro}>
            {t.findings.acceptIntro(finding.unit, finding.indicator ?? '', shownValue)}
          </p>
          <Field label={t.findings.acceptReason} required validationState={missing ? 'error' : 'none'} validationMessage={missing ? t.findings.acceptReasonNeeded : undefined}>
            <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" data-testid="accept-reason" />
          </Field>
          <Field label={t.findings.acceptBy}>
            <Input value={by} onChange={(_, d) => setBy(d.value)} data-testid="accept-by" />
          </Field>
          <div className={styles.actions}>
            <Button type="submit" appearance="primary" data-testid="accept-save">
              {t.findings.acceptSave}
            </Button>
            <Button type="button" onClick={onCancel} data-testid="accept-cancel">
              {t.findings.acceptCancel}
            </Button>
          </div>
        </form>
      )}
    </dialog>
  );
}

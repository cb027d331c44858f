// "Chấp nhận giải trình…": asks for the reason the unit gave and who accepts it, then hands them
// on; the pane writes the row to the workbook's "Giải trình" sheet and checks again.
import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Textarea } from '@fluentui/react-components';
import type { Finding } from '../../core/findings';
import type { Strings } from '../strings';

interface Props {
  t: Strings;
  finding: Finding | null;
  /** The figure as the pane shows it ("6", "93,12%"). */
  shownValue: string;
  onSave: (reason: string, by: string) => void;
  onCancel: () => void;
}

export function AcceptDialog({ t, finding, shownValue, onSave, onCancel }: Props) {
  const [reason, setReason] = useState('');
  const [by, setBy] = useState('');
  const [tried, setTried] = useState(false);
  const missing = tried && !reason.trim();
  const save = () => {
    setTried(true);
    if (reason.trim()) onSave(reason.trim(), by.trim());
  };
  return (
    <Dialog open={finding !== null} onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface aria-describedby="accept-intro" data-testid="accept-dialog">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <DialogBody>
            <DialogTitle>{t.findings.acceptTitle}</DialogTitle>
            <DialogContent>
              <p id="accept-intro">{finding ? t.findings.acceptIntro(finding.unit, finding.indicator ?? '', shownValue) : ''}</p>
              <Field label={t.findings.acceptReason} required validationState={missing ? 'error' : 'none'} validationMessage={missing ? t.findings.acceptReasonNeeded : undefined}>
                <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" data-testid="accept-reason" />
              </Field>
              <Field label={t.findings.acceptBy}>
                <Input value={by} onChange={(_, d) => setBy(d.value)} data-testid="accept-by" />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={save} data-testid="accept-save">
                {t.findings.acceptSave}
              </Button>
              <Button onClick={onCancel} data-testid="accept-cancel">
                {t.findings.acceptCancel}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

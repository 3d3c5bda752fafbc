'use client';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack } from '@mui/material';
import { ActionErrorAlert } from './action-error-alert';

export interface ConfirmedActionProps {
  /** The button's name, e.g. `Scale`. */
  label: string;
  icon?: ReactNode;
  title: string;
  /** What confirming does, in a sentence. */
  question?: ReactNode;
  /** The dialog's fields. */
  children?: ReactNode;
  /** Called when the dialog opens (to reset its fields). */
  onOpen?(): void;
  confirmDisabled?: boolean;
  destructive?: boolean;
  /** Performs the action; resolves to what to tell the user. */
  run(): Promise<string>;
  onDone(message: string): void;
}

/**
 * A button that opens a dialog asking for confirmation (and any fields the action takes);
 * Confirm runs the action. A refusal stays in the dialog with the server's words, so the
 * user can correct a field and try again; success closes it and is reported by the caller.
 */
export function ConfirmedAction({ label, icon, title, question, children, onOpen, confirmDisabled, destructive, run, onDone }: ConfirmedActionProps) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const formId = useId();
  const titleId = useId();
  const show = () => {
    onOpen?.();
    setError(undefined);
    setOpen(true);
  };
  const confirm = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const message = await run();
      setOpen(false);
      onDone(message);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="outlined" size="small" color={destructive ? 'error' : 'primary'} startIcon={icon} onClick={show}>
        {label}
      </Button>
      <Dialog open={open} onClose={() => !busy && setOpen(false)} aria-labelledby={titleId} fullWidth maxWidth="xs">
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          <Stack component="form" id={formId} onSubmit={confirm} spacing={2} sx={{ pt: 1 }} noValidate>
            {question && <DialogContentText>{question}</DialogContentText>}
            {children}
            {error !== undefined && <ActionErrorAlert error={error} />}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" form={formId} variant="contained" color={destructive ? 'error' : 'primary'} disabled={busy || confirmDisabled}>
            Confirm
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

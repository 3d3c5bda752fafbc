'use client';
import { useId, useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, InputAdornment, Stack, TextField, Tooltip } from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import type { IssuedToken } from './token-queries';

/** The token just made, shown this once (the server keeps only its hash), with a copy button. */
export function IssuedTokenDialog({ issued, onClose }: { issued: IssuedToken; onClose(): void }) {
  const titleId = useId();
  const [copied, setCopied] = useState<boolean>();
  const copy = () => navigator.clipboard.writeText(issued.token).then(() => setCopied(true), () => setCopied(false));
  return (
    // Not closed by a stray click beside it: the token would be gone for good.
    <Dialog open onClose={(_e, reason) => reason !== 'backdropClick' && onClose()} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogTitle id={titleId}>Token {issued.info.name} created</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Alert severity="warning">Copy the token now: it is shown only this once. Anyone holding it acts as {issued.info.user} until it expires or is revoked.</Alert>
          <TextField
            label="Token"
            value={issued.token}
            fullWidth
            onFocus={(e) => e.target.select()}
            slotProps={{
              htmlInput: { readOnly: true, spellCheck: false, style: { fontFamily: 'monospace' } },
              input: {
                endAdornment: (
                  <InputAdornment position="end">
                    <Tooltip title={copied ? 'Copied' : 'Copy to the clipboard'}>
                      <IconButton onClick={() => void copy()} aria-label="Copy token" edge="end">
                        <ContentCopyIcon />
                      </IconButton>
                    </Tooltip>
                  </InputAdornment>
                ),
              },
            }}
            helperText={copied === false ? 'The clipboard refused: select the text and copy it.' : copied ? 'Copied to the clipboard.' : ' '}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          I have copied it
        </Button>
      </DialogActions>
    </Dialog>
  );
}

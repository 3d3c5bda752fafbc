'use client';
import { Button, Stack } from '@mui/material';

/** Paging by the API's `continue`: back to the newest entries, or on to older ones (the browser's Back returns). */
export function AuditPager({ onNewest, onOlder }: { onNewest?: () => void; onOlder?: () => void }) {
  return (
    <Stack direction="row" spacing={1} component="nav" aria-label="Audit pages" sx={{ mt: 1, justifyContent: 'flex-end' }}>
      <Button onClick={onNewest} disabled={!onNewest}>
        Newest
      </Button>
      <Button onClick={onOlder} disabled={!onOlder} variant="outlined">
        Older entries
      </Button>
    </Stack>
  );
}

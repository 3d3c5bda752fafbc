'use client';
import Link from 'next/link';
import { Alert, Chip, Link as MuiLink, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { KubeObject } from '@skiff/domain';
import { detailHref, kindByName } from '@/lib/kinds';
import { useLiveObject } from '@/lib/use-live-list';

const ENDPOINTS = kindByName('Endpoints')!;
const POD = kindByName('Pod')!;

interface EndpointAddress {
  ip: string;
  nodeName?: string;
  targetRef?: { kind?: string; name?: string; namespace?: string };
}
interface EndpointSubset {
  addresses?: EndpointAddress[];
  notReadyAddresses?: EndpointAddress[];
  ports?: { name?: string; port: number; protocol?: string }[];
}

/** The addresses of a Service's Endpoints (ready and not), live, as `kubectl describe endpoints` lists them. */
export function EndpointsAddresses({ service }: { service: KubeObject }) {
  const { object, loading, error } = useLiveObject(ENDPOINTS, service.metadata.namespace, service.metadata.name ?? '');
  const subsets = ((object as { subsets?: EndpointSubset[] } | undefined)?.subsets ?? []);
  const rows = subsets.flatMap((s) => {
    const ports = (s.ports ?? []).map((p) => `${p.name ? `${p.name} ` : ''}${p.port}/${p.protocol ?? 'TCP'}`).join(', ');
    return [...(s.addresses ?? []).map((a) => ({ a, ports, ready: true })), ...(s.notReadyAddresses ?? []).map((a) => ({ a, ports, ready: false }))];
  });
  return (
    <Stack spacing={1}>
      <Typography variant="subtitle1" component="h2">
        Endpoints ({rows.length})
      </Typography>
      {error && <Alert severity="error">{error.message}</Alert>}
      {!loading && !object && <Alert severity="info">The Service has no Endpoints object.</Alert>}
      {object && (
        <Paper variant="outlined">
          <Table size="small" aria-label="Endpoints addresses">
            <TableHead>
              <TableRow>
                <TableCell>ADDRESS</TableCell>
                <TableCell>PORTS</TableCell>
                <TableCell>READY</TableCell>
                <TableCell>NODE</TableCell>
                <TableCell>TARGET</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map(({ a, ports, ready }) => (
                <TableRow key={`${a.ip}/${a.targetRef?.name ?? ''}`}>
                  <TableCell>{a.ip}</TableCell>
                  <TableCell>{ports}</TableCell>
                  <TableCell>
                    <Chip size="small" label={ready ? 'Ready' : 'Not ready'} color={ready ? 'success' : 'warning'} variant="outlined" />
                  </TableCell>
                  <TableCell>{a.nodeName}</TableCell>
                  <TableCell>
                    {a.targetRef?.kind === 'Pod' && a.targetRef.name ? (
                      <MuiLink component={Link} href={detailHref(POD, a.targetRef.namespace ?? service.metadata.namespace, a.targetRef.name)}>
                        pod/{a.targetRef.name}
                      </MuiLink>
                    ) : (
                      a.targetRef?.name
                    )}
                  </TableCell>
                </TableRow>
              ))}
              {rows.length === 0 && (
                <TableRow>
                  <TableCell colSpan={5}>No addresses: no ready pod matches the selector.</TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}

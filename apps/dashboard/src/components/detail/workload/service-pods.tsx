'use client';
import { Alert, Stack } from '@mui/material';
import type { KubeObject } from '@skiff/domain';
import { EndpointsAddresses } from './endpoints-addresses';
import { podSelectorOf } from './pod-selector';
import { SelectedPods } from './selected-pods';

/** The pods a Service's selector matches, and its Endpoints' addresses, both live. */
export function ServicePods({ service }: { service: KubeObject }) {
  const selector = podSelectorOf(service);
  return (
    <Stack spacing={3}>
      {selector ? <SelectedPods namespace={service.metadata.namespace ?? 'default'} selector={selector} /> : <Alert severity="info">The Service has no selector: its Endpoints are managed by hand.</Alert>}
      <EndpointsAddresses service={service} />
    </Stack>
  );
}

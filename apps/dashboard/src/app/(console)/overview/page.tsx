'use client';
import { Grid, Typography } from '@mui/material';
import { NodeCapacity } from '@/components/overview/node-capacity';
import { WarningEventsTable } from '@/components/overview/warning-events-table';
import { WorkloadStatusChart } from '@/components/overview/workload-status-chart';

/** The cluster at a glance: workload health, node capacity, recent warnings; each widget loads on its own. */
export default function OverviewPage() {
  return (
    <>
      <Typography variant="h5" component="h1" sx={{ mb: 2 }}>
        Overview
      </Typography>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 6 }}>
          <WorkloadStatusChart />
        </Grid>
        <Grid size={{ xs: 12, lg: 6 }}>
          <NodeCapacity />
        </Grid>
        <Grid size={12}>
          <WarningEventsTable />
        </Grid>
      </Grid>
    </>
  );
}

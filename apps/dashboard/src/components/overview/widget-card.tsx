import { useId, type ReactNode } from 'react';
import { Card, CardContent, Typography } from '@mui/material';

/** One overview widget: a card titled by its own heading (a landmark screen readers list). */
export function WidgetCard({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <Card component="section" aria-labelledby={headingId} variant="outlined" sx={{ height: '100%' }}>
      <CardContent>
        <Typography id={headingId} variant="h6" component="h2" sx={{ mb: 1 }}>
          {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SkiffTheme } from '@/lib/theme';

export const metadata: Metadata = { title: 'Skiff', description: 'The Skiff cluster console' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <SkiffTheme>{children}</SkiffTheme>
      </body>
    </html>
  );
}

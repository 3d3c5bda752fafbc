'use client';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/app-shell';
import { ConsoleProvider } from '@/lib/console-context';

/** Every page but login: the shell (navigation, namespace picker, theme, user) around the page. */
export default function ConsoleLayout({ children }: { children: ReactNode }) {
  return (
    <ConsoleProvider>
      <AppShell>{children}</AppShell>
    </ConsoleProvider>
  );
}

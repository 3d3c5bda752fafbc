'use client';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { CssBaseline, ThemeProvider, createTheme } from '@mui/material';

type Mode = 'light' | 'dark';
const ModeContext = createContext<{ mode: Mode; toggle(): void }>({ mode: 'light', toggle: () => undefined });

export const useThemeMode = () => useContext(ModeContext);

/** MUI theme, light or dark (remembered; the system's choice at first). */
export function SkiffTheme({ children }: { children: ReactNode }) {
  const [mode, setMode] = useState<Mode>('light');
  useEffect(() => {
    const saved = localStorage.getItem('skiff.theme') as Mode | null;
    setMode(saved ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'));
  }, []);
  const theme = useMemo(() => createTheme({ palette: { mode, primary: { main: '#326ce5' } }, shape: { borderRadius: 6 } }), [mode]);
  const value = useMemo(
    () => ({
      mode,
      toggle: () =>
        setMode((m) => {
          const next = m === 'light' ? 'dark' : 'light';
          localStorage.setItem('skiff.theme', next);
          return next;
        }),
    }),
    [mode],
  );
  return (
    <ModeContext.Provider value={value}>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        {children}
      </ThemeProvider>
    </ModeContext.Provider>
  );
}

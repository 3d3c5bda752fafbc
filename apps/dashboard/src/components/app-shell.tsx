'use client';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { AppBar, Box, Drawer, IconButton, List, ListItemButton, ListItemText, ListSubheader, Toolbar, Tooltip, Typography } from '@mui/material';
import DarkModeIcon from '@mui/icons-material/DarkMode';
import LightModeIcon from '@mui/icons-material/LightMode';
import LogoutIcon from '@mui/icons-material/Logout';
import { KINDS } from '@/lib/kinds';
import { useConsole } from '@/lib/console-context';
import { useThemeMode } from '@/lib/theme';
import { ConnectionIndicator } from './connection-indicator';
import { GlobalSearch } from './global-search';
import { NamespacePicker } from './namespace-picker';

const WIDTH = 232;

interface NavItem {
  href: string;
  title: string;
}

const GROUPS: { title: string; items: NavItem[] }[] = [
  { title: '', items: [{ href: '/overview/', title: 'Overview' }] },
  ...(['Workloads', 'Service', 'Config and Storage', 'Cluster'] as const).map((g) => ({
    title: g,
    items: KINDS.filter((k) => k.group === g).map((k) => ({ href: `/k/${k.slug}/`, title: k.title })),
  })),
  {
    title: 'Administration',
    items: [
      { href: '/admin/users/', title: 'Users' },
      { href: '/admin/bindings/', title: 'Role bindings' },
      { href: '/admin/tokens/', title: 'API tokens' },
      { href: '/admin/hooks/', title: 'Deploy webhooks' },
      { href: '/admin/audit/', title: 'Audit log' },
    ],
  },
];

/** The console's frame: side navigation grouped as the Kubernetes Dashboard's, a top bar with namespaces, search, theme and user. */
export function AppShell({ children }: { children: ReactNode }) {
  const path = usePathname();
  const { session, logout } = useConsole();
  const { mode, toggle } = useThemeMode();
  return (
    <Box sx={{ display: 'flex' }}>
      <AppBar position="fixed" sx={{ zIndex: (t) => t.zIndex.drawer + 1 }}>
        <Toolbar sx={{ gap: 2 }}>
          <Typography variant="h6" component={Link} href="/overview/" sx={{ color: 'inherit', textDecoration: 'none', mr: 2 }}>
            Skiff
          </Typography>
          <NamespacePicker />
          <GlobalSearch />
          <Box sx={{ flexGrow: 1 }} />
          <ConnectionIndicator />
          <Tooltip title={mode === 'light' ? 'Dark theme' : 'Light theme'}>
            <IconButton color="inherit" onClick={toggle} aria-label="Toggle theme">
              {mode === 'light' ? <DarkModeIcon /> : <LightModeIcon />}
            </IconButton>
          </Tooltip>
          <Typography variant="body2" data-testid="current-user">
            {session?.user}
          </Typography>
          <Tooltip title="Log out">
            <IconButton color="inherit" onClick={() => void logout()} aria-label="Log out">
              <LogoutIcon />
            </IconButton>
          </Tooltip>
        </Toolbar>
      </AppBar>
      <Drawer variant="permanent" sx={{ width: WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: WIDTH, boxSizing: 'border-box' } }}>
        <Toolbar />
        <Box component="nav" aria-label="Main" sx={{ overflow: 'auto' }}>
          {GROUPS.map((g) => (
            <List key={g.title || 'top'} dense subheader={g.title ? <ListSubheader>{g.title}</ListSubheader> : undefined}>
              {g.items.map((i) => (
                <ListItemButton key={i.href} component={Link} href={i.href} selected={path === i.href || path.startsWith(i.href)}>
                  <ListItemText primary={i.title} />
                </ListItemButton>
              ))}
            </List>
          ))}
        </Box>
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, p: 3, minWidth: 0 }}>
        <Toolbar />
        {session ? children : null}
      </Box>
    </Box>
  );
}

'use client';
import { LogsTab } from '@/components/logs/logs-tab';
import type { DetailTab } from './tabs';
import { YamlTab } from './yaml-tab';

/** YAML view/edit and logs. */
export const EDITING_TABS: DetailTab[] = [
  { title: 'YAML', kinds: 'all', Component: YamlTab },
  { title: 'Logs', kinds: ['Pod'], Component: LogsTab },
];

'use client';
import { LogsTab } from '@/components/logs/logs-tab';
import type { DetailTab } from './tabs';
import { DataTab } from './data-tab';
import { SecretAwareYamlTab } from './secret-yaml-gate';

/** YAML view/edit and logs. */
export const EDITING_TABS: DetailTab[] = [
  { title: 'Data', kinds: ['ConfigMap', 'Secret'], Component: DataTab },
  { title: 'YAML', kinds: 'all', Component: SecretAwareYamlTab },
  { title: 'Logs', kinds: ['Pod'], Component: LogsTab },
];

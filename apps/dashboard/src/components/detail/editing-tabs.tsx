'use client';
import type { DetailTab } from './tabs';
import { YamlTab } from './yaml-tab';

/** YAML view/edit and logs. */
export const EDITING_TABS: DetailTab[] = [{ title: 'YAML', kinds: 'all', Component: YamlTab }];

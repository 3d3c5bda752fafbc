'use client';
import type { ComponentType } from 'react';
import type { KubeObject } from '@skiff/domain';
import type { DashboardKind } from '@/lib/kinds';
import { SummaryTab } from './summary-tab';
import { YamlTab } from './yaml-tab';

export interface DetailTabProps {
  kind: DashboardKind;
  object: KubeObject;
}

export interface DetailTab {
  title: string;
  kinds: 'all' | string[];
  Component: ComponentType<DetailTabProps>;
}

/** The tabs of a detail page, and the kinds each applies to. */
export const DETAIL_TABS: DetailTab[] = [
  { title: 'Summary', kinds: 'all', Component: SummaryTab },
  { title: 'YAML', kinds: 'all', Component: YamlTab },
];

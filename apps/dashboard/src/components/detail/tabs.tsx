'use client';
import type { ComponentType } from 'react';
import type { KubeObject } from '@skiff/domain';
import type { DashboardKind } from '@/lib/kinds';
import { EDITING_TABS } from './editing-tabs';
import { SummaryTab } from './summary-tab';
import { WORKLOAD_TABS } from './workload-tabs';

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
export const DETAIL_TABS: DetailTab[] = [{ title: 'Summary', kinds: 'all', Component: SummaryTab }, ...WORKLOAD_TABS, ...EDITING_TABS];

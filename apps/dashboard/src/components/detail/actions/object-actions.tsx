'use client';
import type { KubeObject } from '@skiff/domain';
import type { DashboardKind } from '@/lib/kinds';

/** The actions a user may take on an object (buttons above its tabs). */
export function ObjectActions(_props: { kind: DashboardKind; object: KubeObject }) {
  return null;
}

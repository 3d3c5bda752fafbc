import type { KubeObject } from '../meta/types';

/** A frozen copy of a StatefulSet/DaemonSet template (`data`), numbered by `revision`. */
export interface ControllerRevision extends KubeObject {
  data?: unknown;
  revision: number;
}

import type { KubeObject, StatusError } from '@skiff/domain';
import type { ContainerLog } from '../logs/container-log';

/** A pod as the agent runs it: what the runtime reports back for the pod's status. */
export interface PodRuntimeStatus {
  phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed';
  podIP?: string;
  ready: boolean;
  containers: { name: string; image: string; state: Record<string, unknown>; lastState?: Record<string, unknown>; ready: boolean; restartCount: number; started: boolean }[];
}

/** What the agent resolved from the API for a pod before starting it. */
export interface PodConfig {
  /** Containers that cannot start yet, with the reason (CreateContainerConfigError). */
  configErrors: Map<string, string>;
  /** The files of each ConfigMap/Secret volume, by volume name. */
  volumeFiles: Map<string, Record<string, string>>;
}

/**
 * The runtime driver interface (the CRI's place in Kubernetes). `process` runs real
 * child processes; `simulated` runs nothing, as KWOK does.
 */
export interface RuntimeDriver {
  /**
   * Starts (or adopts) the pod's sandbox and containers; resolves with its status, and
   * calls `onChange` with a new one whenever it changes later (a container exits).
   */
  startPod(pod: KubeObject, podIP: string, onChange: (status: PodRuntimeStatus) => void, config?: PodConfig): Promise<PodRuntimeStatus>;
  /**
   * Containers that could not start for want of a ConfigMap or Secret: `config` is
   * resolved again; those it no longer blames start now.
   */
  retryConfig?(pod: KubeObject, config: PodConfig): void;
  /** Stops everything of the pod within its grace period. */
  stopPod(pod: KubeObject, gracePeriodSeconds: number): Promise<void>;
  /** Stops every pod's processes (the node shuts down); the pods stay in the API and start again with the next agent. */
  stopAll?(maxGraceSeconds: number): Promise<void>;
  /** After the agent's first pod list: stop what runs for pods that are not in `keep` (uids). */
  cleanup?(keep: Set<string>): Promise<void>;
  /** Where a container's log is (the current instance's, or the one before with `previous`), or why there is none. */
  logSource?(namespace: string, pod: string, container: string, previous: boolean): LogSource | StatusError;
  /** The containers running now, for resource metrics. */
  runningContainers?(): RunningContainerRef[];
}

/** A running container, as resource metrics find it. */
export interface RunningContainerRef {
  node: string;
  namespace: string;
  pod: string;
  uid: string;
  container: string;
  /** Its main process, whose pid is also its process group's id; none when nothing runs (simulated). */
  pid?: number;
}

/** A container instance's log file, and while the instance runs, its live log to follow. */
export interface LogSource {
  file: string;
  live?: ContainerLog;
}

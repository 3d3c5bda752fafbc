/** A probe as a container spec declares it, with Kubernetes' defaults. */
export interface ProbeSpec {
  httpGet?: { path?: string; port: number | string; scheme?: string };
  tcpSocket?: { port: number | string };
  exec?: { command: string[] };
  initialDelaySeconds?: number;
  periodSeconds?: number;
  timeoutSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
}

export interface ProbeState {
  /** Unknown until the thresholds have been reached one way or the other. */
  result: 'unknown' | 'success' | 'failure';
  successes: number;
  failures: number;
}

export const INITIAL_PROBE_STATE: ProbeState = { result: 'unknown', successes: 0, failures: 0 };

export function probeTiming(p: ProbeSpec) {
  return {
    initialDelayMs: (p.initialDelaySeconds ?? 0) * 1000,
    periodMs: (p.periodSeconds ?? 10) * 1000,
    timeoutMs: (p.timeoutSeconds ?? 1) * 1000,
  };
}

/**
 * One probe outcome folded into the state, as the kubelet's prober counts them: the
 * result flips only after `successThreshold` successes or `failureThreshold` failures
 * in a row.
 */
export function nextProbeState(s: ProbeState, ok: boolean, p: ProbeSpec): ProbeState {
  const successes = ok ? s.successes + 1 : 0;
  const failures = ok ? 0 : s.failures + 1;
  let result = s.result;
  if (ok && successes >= (p.successThreshold ?? 1)) result = 'success';
  if (!ok && failures >= (p.failureThreshold ?? 3)) result = 'failure';
  return { result, successes, failures };
}

/** A named port (`http`) resolved against the container's ports. */
export function resolveProbePort(port: number | string, ports: { name?: string; containerPort: number }[] = []): number | undefined {
  if (typeof port === 'number') return port;
  if (/^\d+$/.test(port)) return Number(port);
  return ports.find((p) => p.name === port)?.containerPort;
}

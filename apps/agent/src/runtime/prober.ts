import { spawn } from 'child_process';
import * as net from 'net';
import { request } from 'undici';
import { INITIAL_PROBE_STATE, nextProbeState, probeTiming, resolveProbePort, type ProbeSpec, type ProbeState } from '@skiff/domain';

export interface ProbeTarget {
  podIP: string;
  ports?: { name?: string; containerPort: number }[];
  env: Record<string, string>;
  cwd?: string;
}

/** Runs one probe once: httpGet (2xx/3xx), tcpSocket (connects) or exec (exit 0), within its timeout. */
export async function runProbe(p: ProbeSpec, t: ProbeTarget): Promise<boolean> {
  const { timeoutMs } = probeTiming(p);
  if (p.httpGet) {
    const port = resolveProbePort(p.httpGet.port, t.ports);
    if (!port) return false;
    const scheme = (p.httpGet.scheme ?? 'HTTP').toLowerCase();
    try {
      const res = await request(`${scheme}://${t.podIP}:${port}${p.httpGet.path ?? '/'}`, { signal: AbortSignal.timeout(timeoutMs) });
      await res.body.dump();
      return res.statusCode >= 200 && res.statusCode < 400;
    } catch {
      return false;
    }
  }
  if (p.tcpSocket) {
    const port = resolveProbePort(p.tcpSocket.port, t.ports);
    if (!port) return false;
    return new Promise((resolve) => {
      const s = net.connect({ host: t.podIP, port, timeout: timeoutMs });
      const done = (ok: boolean) => (s.destroy(), resolve(ok));
      s.once('connect', () => done(true));
      s.once('error', () => done(false));
      s.once('timeout', () => done(false));
    });
  }
  if (p.exec?.command?.length) {
    const [cmd, ...args] = p.exec.command;
    return new Promise((resolve) => {
      const child = spawn(cmd, args, { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...t.env }, cwd: t.cwd, stdio: 'ignore', timeout: timeoutMs });
      child.once('error', () => resolve(false));
      child.once('exit', (code) => resolve(code === 0));
    });
  }
  return false;
}

/**
 * Probes a container on its period, after its initial delay, and reports each change
 * of result. `stop()` ends it (the container stopped or restarted).
 */
export function startProber(p: ProbeSpec, t: ProbeTarget, onResult: (s: ProbeState) => void): { stop(): void } {
  const { initialDelayMs, periodMs } = probeTiming(p);
  let state = INITIAL_PROBE_STATE;
  let stopped = false;
  let timer: NodeJS.Timeout;
  const tick = async () => {
    if (stopped) return;
    const ok = await runProbe(p, t);
    if (stopped) return;
    const next = nextProbeState(state, ok, p);
    const changed = next.result !== state.result;
    state = next;
    if (changed) onResult(state);
    timer = setTimeout(tick, periodMs);
  };
  timer = setTimeout(tick, initialDelayMs);
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

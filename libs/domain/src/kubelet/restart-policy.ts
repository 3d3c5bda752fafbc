import type { RestartPolicy } from '../kinds/pod';

/** The kubelet's crash back-off: 10 s doubling to 5 min, forgotten after 10 min of running. */
export const BACKOFF = { initialMs: 10_000, maxMs: 300_000, resetAfterMs: 600_000 };

export interface RestartDecision {
  restart: boolean;
  /** Wait before starting again (CrashLoopBackOff while waiting). */
  delayMs: number;
  /** The back-off step to remember for the next exit. */
  nextStep: number;
}

/**
 * What to do when a container exits: `step` is how many back-offs in a row it has had;
 * a run longer than `resetAfterMs` starts over. The first restart waits `initialMs`.
 */
export function decideRestart(
  policy: RestartPolicy,
  exitCode: number,
  step: number,
  ranMs: number,
  backoff: { initialMs: number; maxMs: number; resetAfterMs: number } = BACKOFF,
): RestartDecision {
  const restart = policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
  if (!restart) return { restart: false, delayMs: 0, nextStep: step };
  const from = ranMs >= backoff.resetAfterMs ? 0 : step;
  return { restart: true, delayMs: Math.min(backoff.initialMs * 2 ** from, backoff.maxMs), nextStep: from + 1 };
}

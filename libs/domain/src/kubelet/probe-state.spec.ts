import { INITIAL_PROBE_STATE, nextProbeState, probeTiming, resolveProbePort } from './probe-state';

describe('probe state', () => {
  it('flips to failure only after failureThreshold failures in a row, back after successThreshold', () => {
    const probe = { failureThreshold: 3, successThreshold: 2 };
    let s = INITIAL_PROBE_STATE;
    for (const ok of [true, true]) s = nextProbeState(s, ok, probe);
    expect(s.result).toBe('success');
    for (const ok of [false, false]) s = nextProbeState(s, ok, probe);
    expect(s.result).toBe('success');
    s = nextProbeState(s, true, probe); // breaks the run of failures
    s = nextProbeState(s, false, probe);
    s = nextProbeState(s, false, probe);
    expect(s.result).toBe('success');
    s = nextProbeState(s, false, probe);
    expect(s.result).toBe('failure');
    s = nextProbeState(s, true, probe);
    expect(s.result).toBe('failure');
    s = nextProbeState(s, true, probe);
    expect(s.result).toBe('success');
  });

  it('uses Kubernetes defaults: period 10 s, timeout 1 s, no initial delay', () => {
    expect(probeTiming({})).toEqual({ initialDelayMs: 0, periodMs: 10_000, timeoutMs: 1000 });
  });

  it('resolves named ports from the container', () => {
    expect(resolveProbePort('http', [{ name: 'http', containerPort: 8080 }])).toBe(8080);
    expect(resolveProbePort('9090')).toBe(9090);
    expect(resolveProbePort('nope')).toBeUndefined();
  });
});

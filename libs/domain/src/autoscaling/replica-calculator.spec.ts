import { cpuUtilizationReplicas, rawResourceReplicas, resourceUtilizationReplicas, withinTolerances } from './replica-calculator';
import { at, busyPods, hpaPod, sample, usagesOf } from './hpa-test-fixtures';

// Pods started at T0 and turned ready at 10 s; the decisions run at 1000 s, past the
// 300 s CPU initialization period, on samples taken at 990 s.
const NOW = at(1000);

describe('cpuUtilizationReplicas', () => {
  it('keeps the count while the utilization is within 10% of the target', () => {
    for (const milli of [46, 50, 52, 55]) {
      const { pods, usages } = busyPods(2, milli, 990);
      expect(cpuUtilizationReplicas({ currentReplicas: 2, targetUtilization: 50, pods, usages, now: NOW })).toEqual({
        ok: true,
        replicas: 2,
        utilization: milli,
        rawAverageMilli: milli,
      });
    }
  });

  it('scales 2 pods at 250% of the target to 5', () => {
    const { pods, usages } = busyPods(2, 125, 990);
    expect(cpuUtilizationReplicas({ currentReplicas: 2, targetUtilization: 50, pods, usages, now: NOW })).toEqual({
      ok: true,
      replicas: 5,
      utilization: 125,
      rawAverageMilli: 125,
    });
  });

  it('scales down to ceil(current × ratio)', () => {
    const { pods, usages } = busyPods(4, 10, 990);
    const r = cpuUtilizationReplicas({ currentReplicas: 4, targetUtilization: 50, pods, usages, now: NOW });
    expect(r).toMatchObject({ ok: true, replicas: 1, utilization: 10 });
  });

  it('honours per-direction tolerances', () => {
    expect(withinTolerances({ scaleDown: 0.1, scaleUp: 0.1 }, 1.1)).toBe(true);
    expect(withinTolerances({ scaleDown: 0.1, scaleUp: 0.1 }, 1.12)).toBe(false);
    const { pods, usages } = busyPods(10, 56, 990); // 112% of the target
    expect(cpuUtilizationReplicas({ currentReplicas: 10, targetUtilization: 50, pods, usages, now: NOW })).toMatchObject({ replicas: 12 });
    expect(
      cpuUtilizationReplicas({ currentReplicas: 10, targetUtilization: 50, pods, usages, now: NOW, tolerances: { scaleDown: 0.1, scaleUp: 0.2 } }),
    ).toMatchObject({ replicas: 10 });
  });

  it('counts pods without metrics as using nothing on a scale-up', () => {
    const pods = [hpaPod('a'), hpaPod('b'), hpaPod('c')];
    const usages = usagesOf([
      [pods[0], sample(pods[0], 150, 990)],
      [pods[1], sample(pods[1], 150, 990)],
      [pods[2], undefined],
    ]);
    // Ready pods alone: 300% → 3 × 2 = 6… and with c at 0%: 200% → ceil(2 × 3) = 6.
    const r = cpuUtilizationReplicas({ currentReplicas: 3, targetUtilization: 50, pods, usages, now: NOW });
    expect(r).toEqual({ ok: true, replicas: 6, utilization: 150, rawAverageMilli: 150 });
  });

  it('counts pods without metrics as using their whole request on a scale-down', () => {
    const pods = [hpaPod('a'), hpaPod('b'), hpaPod('c'), hpaPod('d')];
    const usages = usagesOf(pods.map((p, i) => [p, i < 3 ? sample(p, 10, 990) : undefined]));
    // Without d: 20% → ceil(0.4 × 3) = 2… with d at 100%: 32% → ceil(0.64 × 4) = 3.
    const r = cpuUtilizationReplicas({ currentReplicas: 4, targetUtilization: 50, pods, usages, now: NOW });
    expect(r).toMatchObject({ ok: true, replicas: 3, utilization: 10 });
  });

  it('keeps the count when counting the missing pods would flip the direction', () => {
    const pods = [hpaPod('a'), hpaPod('b'), hpaPod('c'), hpaPod('d')];
    // a at 60% (ratio 1.2, a scale-up) but three pods without metrics pull it to 15%.
    const usages = usagesOf(pods.map((p, i) => [p, i === 0 ? sample(p, 60, 990) : undefined]));
    expect(cpuUtilizationReplicas({ currentReplicas: 4, targetUtilization: 50, pods, usages, now: NOW })).toMatchObject({ replicas: 4 });
  });

  it('counts unready pods as using nothing on a scale-up, ignoring their samples', () => {
    const pods = [
      hpaPod('a'),
      hpaPod('b'),
      // Started 10 s ago, not ready yet: in its initialization period.
      hpaPod('starting', { startedAt: 990, ready: false, readySince: 990 }),
    ];
    const usages = usagesOf([
      [pods[0], sample(pods[0], 150, 990)],
      [pods[1], sample(pods[1], 150, 990)],
      [pods[2], sample(pods[2], 900, 995)],
    ]);
    // a, b: 300% → with the starting pod at 0%: 200% → ceil(2 × 3) = 6 (its 900% is not counted).
    expect(cpuUtilizationReplicas({ currentReplicas: 3, targetUtilization: 50, pods, usages, now: NOW })).toEqual({
      ok: true,
      replicas: 6,
      utilization: 150,
      rawAverageMilli: 150,
    });
  });

  it('ignores a sample taken before a full window passed since the pod turned ready, during initialization', () => {
    const pods = [hpaPod('a'), hpaPod('fresh', { startedAt: 900, ready: true, readySince: 985 })];
    // fresh turned ready at 985; its sample ends at 990 over a 15 s window, mostly before it was ready.
    const usages = usagesOf([
      [pods[0], sample(pods[0], 150, 990)],
      [pods[1], sample(pods[1], 900, 990)],
    ]);
    // a alone: 150% (ratio 3); with fresh at 0%: 75% → ceil(1.5 × 2) = 3.
    expect(cpuUtilizationReplicas({ currentReplicas: 2, targetUtilization: 50, pods, usages, now: NOW })).toMatchObject({
      replicas: 3,
      utilization: 150,
    });
    // Sampled after a full window: it counts (a 150%, fresh 900% → 525% → ceil(10.5 × 2) = 21).
    const later = usagesOf([
      [pods[0], sample(pods[0], 150, 1000)],
      [pods[1], sample(pods[1], 900, 1000)],
    ]);
    expect(cpuUtilizationReplicas({ currentReplicas: 2, targetUtilization: 50, pods, usages: later, now: NOW })).toMatchObject({
      replicas: 21,
    });
  });

  it('ignores pods that were never ready after initialization, but counts pods that became unready later', () => {
    const pods = [
      hpaPod('a'),
      // Unready since 5 s after it started: never ready.
      hpaPod('never', { ready: false, readySince: 5 }),
      // Ready once, unready since 500 s.
      hpaPod('was', { ready: false, readySince: 500 }),
    ];
    const usages = usagesOf(pods.map((p) => [p, sample(p, 100, 990)]));
    // a and was: 100% (ratio 2); with never at 0%: 66% → ceil(1.32 × 3) = 4.
    expect(cpuUtilizationReplicas({ currentReplicas: 3, targetUtilization: 50, pods, usages, now: NOW })).toMatchObject({
      replicas: 4,
      utilization: 100,
    });
  });

  it('does not count unready pods on a scale-down', () => {
    const pods = [hpaPod('a'), hpaPod('b'), hpaPod('starting', { phase: 'Pending', ready: false })];
    const usages = usagesOf([
      [pods[0], sample(pods[0], 10, 990)],
      [pods[1], sample(pods[1], 10, 990)],
      [pods[2], undefined],
    ]);
    expect(cpuUtilizationReplicas({ currentReplicas: 3, targetUtilization: 50, pods, usages, now: NOW })).toMatchObject({ replicas: 1 });
  });

  it('ignores pods being deleted and Failed pods', () => {
    const pods = [hpaPod('a'), hpaPod('b'), hpaPod('gone', { deleting: true }), hpaPod('dead', { phase: 'Failed' })];
    const usages = usagesOf(pods.map((p) => [p, sample(p, 125, 990)]));
    expect(cpuUtilizationReplicas({ currentReplicas: 2, targetUtilization: 50, pods, usages, now: NOW })).toMatchObject({ replicas: 5 });
  });

  it('treats a sample of another pod of the same name as missing', () => {
    const pods = [hpaPod('a'), hpaPod('b', { uid: 'new-b' })];
    const usages = usagesOf([
      [pods[0], sample(pods[0], 125, 990)],
      [pods[1], { ...sample(pods[1], 900, 990), uid: 'old-b' }],
    ]);
    // a: 125% (ratio 2.5); with b missing at 0%: 62% → ceil(1.24 × 2) = 3 (b's 900% is not counted).
    expect(cpuUtilizationReplicas({ currentReplicas: 2, targetUtilization: 50, pods, usages, now: NOW })).toMatchObject({ replicas: 3 });
  });

  it('fails when a container has no cpu request', () => {
    const pods = [hpaPod('a'), hpaPod('b', { cpu: null })];
    const usages = usagesOf(pods.map((p) => [p, sample(p, 50, 990)]));
    expect(cpuUtilizationReplicas({ currentReplicas: 2, targetUtilization: 50, pods, usages, now: NOW })).toEqual({
      ok: false,
      error: 'missing request for cpu in container c of Pod b',
    });
  });

  it('fails without any metrics, or with only unready pods', () => {
    const { pods } = busyPods(2, 50, 990);
    expect(cpuUtilizationReplicas({ currentReplicas: 2, targetUtilization: 50, pods, usages: {}, now: NOW })).toEqual({
      ok: false,
      error: 'unable to get metrics for resource cpu: no metrics returned from resource metrics API',
    });
    const starting = [hpaPod('a', { startedAt: 990, ready: false, readySince: 990 })];
    expect(
      cpuUtilizationReplicas({ currentReplicas: 1, targetUtilization: 50, pods: starting, usages: usagesOf([[starting[0], sample(starting[0], 50, 995)]]), now: NOW }),
    ).toEqual({ ok: false, error: 'did not receive metrics for targeted pods (pods might be unready)' });
  });

  it('adds sidecar requests and usage, and can look at one container', () => {
    const pods = [hpaPod('a', { sidecarCpu: '100m' })];
    const usages = usagesOf([[pods[0], sample(pods[0], 150, 990, 50)]]);
    // (150 + 50) / (100 + 100) = 100%.
    expect(cpuUtilizationReplicas({ currentReplicas: 1, targetUtilization: 50, pods, usages, now: NOW })).toMatchObject({
      replicas: 2,
      utilization: 100,
      rawAverageMilli: 200,
    });
    expect(cpuUtilizationReplicas({ currentReplicas: 1, targetUtilization: 50, pods, usages, now: NOW, container: 'c' })).toMatchObject({
      replicas: 3,
      utilization: 150,
    });
  });

  it('computes memory utilization from the working set', () => {
    const pods = [hpaPod('a')];
    pods[0].spec!.containers[0].resources = { requests: { cpu: '100m', memory: '25Mi' } };
    const usages = usagesOf([[pods[0], sample(pods[0], 10, 990)]]); // 50Mi working set
    expect(resourceUtilizationReplicas({ currentReplicas: 1, targetUtilization: 100, pods, usages, now: NOW, resource: 'memory' })).toMatchObject({
      replicas: 2,
      utilization: 200,
      rawAverageMilli: 50 * 1024 * 1024 * 1000,
    });
  });
});

describe('rawResourceReplicas', () => {
  it('scales on the average usage per pod against an AverageValue target', () => {
    const { pods, usages } = busyPods(2, 250, 990);
    expect(rawResourceReplicas({ currentReplicas: 2, targetAverageMilli: 100, pods, usages, now: NOW, resource: 'cpu' })).toEqual({
      ok: true,
      replicas: 5,
      rawAverageMilli: 250,
    });
  });

  it('counts pods without metrics as at the target on a scale-down', () => {
    const pods = [hpaPod('a'), hpaPod('b'), hpaPod('c')];
    const usages = usagesOf([
      [pods[0], sample(pods[0], 20, 990)],
      [pods[1], sample(pods[1], 20, 990)],
      [pods[2], undefined],
    ]);
    // (20 + 20 + 100) / 3 = 46 → ceil(0.46 × 3) = 2.
    expect(rawResourceReplicas({ currentReplicas: 3, targetAverageMilli: 100, pods, usages, now: NOW, resource: 'cpu' })).toEqual({
      ok: true,
      replicas: 2,
      rawAverageMilli: 20,
    });
  });
});

import {
  defaultScaleDownRules,
  defaultScaleUpRules,
  recordScaleEvent,
  resolveBehavior,
  scaleDownLimitWithRules,
  scaleUpLimitWithRules,
} from './hpa-behavior';

const S = 1000;

describe('resolveBehavior', () => {
  it('fills what the behavior leaves unset, the scale-down window from the controller flag', () => {
    expect(resolveBehavior({ scaleUp: { selectPolicy: 'Min' } }, 300)).toEqual({
      scaleUp: { ...defaultScaleUpRules(), selectPolicy: 'Min' },
      scaleDown: defaultScaleDownRules(300),
    });
  });
});

describe('scale limits', () => {
  const behavior = resolveBehavior({}, 300);

  it('counts each policy from the replicas at the start of its period', () => {
    const events = { up: [{ replicaChange: 6, at: 100 * S }], down: [] };
    // 10 now, 6 added 5 s ago: the period started at 4 → max(4 + 4, 4 × 2) = 8, below the current 10.
    expect(scaleUpLimitWithRules(10, events, behavior.scaleUp, 105 * S)).toBe(8);
    // 16 s later the event is out of the 15 s period.
    expect(scaleUpLimitWithRules(10, events, behavior.scaleUp, 116 * S)).toBe(20);
  });

  it('rounds a percentage up when adding and down when removing', () => {
    const rules = { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 10, periodSeconds: 60 }] };
    expect(scaleUpLimitWithRules(3, { up: [], down: [] }, rules, 0)).toBe(4);
    expect(scaleDownLimitWithRules(3, { up: [], down: [] }, rules, 0)).toBe(2);
  });

  it('Disabled allows no change', () => {
    const rules = { ...behavior.scaleUp, selectPolicy: 'Disabled' };
    expect(scaleUpLimitWithRules(3, { up: [], down: [] }, rules, 0)).toBe(3);
    expect(scaleDownLimitWithRules(3, { up: [], down: [] }, rules, 0)).toBe(3);
  });
});

describe('recordScaleEvent', () => {
  const behavior = resolveBehavior({}, 300);

  it('keeps nothing without a behavior', () => {
    const events = { up: [], down: [] };
    expect(recordScaleEvent(undefined, events, 2, 4, 0)).toBe(events);
  });

  it('reuses the slot of an event older than the longest policy period', () => {
    const events = { up: [{ replicaChange: 2, at: 0 }, { replicaChange: 1, at: 10 * S }], down: [] };
    const next = recordScaleEvent(behavior, events, 4, 8, 20 * S);
    expect(next.up).toEqual([
      { replicaChange: 4, at: 20 * S },
      { replicaChange: 1, at: 10 * S },
    ]);
    const down = recordScaleEvent(behavior, next, 8, 5, 21 * S);
    expect(down).toEqual({ up: next.up, down: [{ replicaChange: 3, at: 21 * S }] });
  });
});

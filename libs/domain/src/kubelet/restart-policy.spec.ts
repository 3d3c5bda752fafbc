import { decideRestart } from './restart-policy';

describe('container restart policy', () => {
  it('restarts per policy: Always on any exit, OnFailure only on failure, Never never', () => {
    expect(decideRestart('Always', 0, 0, 1000).restart).toBe(true);
    expect(decideRestart('OnFailure', 0, 0, 1000).restart).toBe(false);
    expect(decideRestart('OnFailure', 2, 0, 1000).restart).toBe(true);
    expect(decideRestart('Never', 1, 0, 1000).restart).toBe(false);
  });

  it('backs off 10 s doubling to 5 min, and starts over after 10 min of running', () => {
    const delays: number[] = [];
    let step = 0;
    for (let i = 0; i < 8; i++) {
      const d = decideRestart('Always', 1, step, 2000);
      delays.push(d.delayMs / 1000);
      step = d.nextStep;
    }
    expect(delays).toEqual([10, 20, 40, 80, 160, 300, 300, 300]);
    expect(decideRestart('Always', 1, step, 11 * 60_000).delayMs).toBe(10_000);
  });
});

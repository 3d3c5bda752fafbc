import { metricsRegistry, SampledGauge, withinMs } from './metrics-registry';

async function read(name: string): Promise<{ labels: Record<string, unknown>; value: number }[]> {
  const metric = metricsRegistry.getSingleMetric(name)!;
  return (await metric.get()).values.map(({ labels, value }) => ({ labels, value }));
}

describe('SampledGauge', () => {
  it('reads its sources at scrape time, sums what two give for one label set, and forgets a source once stopped', async () => {
    const gauge = new SampledGauge<'queue'>({ name: 'test_sampled_depth', help: 'test', labelNames: ['queue'] });
    let a = 1;
    const stopA = gauge.observe(() => [{ labels: { queue: 'x' }, value: a }]);
    gauge.observe(async () => [{ labels: { queue: 'x' }, value: 2 }, { labels: { queue: 'y' }, value: 5 }]);
    expect(await read('test_sampled_depth')).toEqual([
      { labels: { queue: 'x' }, value: 3 },
      { labels: { queue: 'y' }, value: 5 },
    ]);
    a = 10;
    expect((await read('test_sampled_depth'))[0].value).toBe(12);
    stopA();
    expect((await read('test_sampled_depth'))[0].value).toBe(2);
  });

  it('leaves out a source that fails instead of failing the scrape', async () => {
    const gauge = new SampledGauge({ name: 'test_sampled_failing', help: 'test' });
    gauge.observe(() => {
      throw new Error('pool closed');
    });
    gauge.observe(() => Promise.reject(new Error('redis away')));
    gauge.observe(() => [{ labels: {}, value: 4 }]);
    expect(await read('test_sampled_failing')).toEqual([{ labels: {}, value: 4 }]);
  });
});

describe('withinMs', () => {
  it('gives up on work that takes longer', async () => {
    await expect(withinMs(20, new Promise(() => undefined))).rejects.toThrow('no answer within 20 ms');
    await expect(withinMs(1000, Promise.resolve(7))).resolves.toBe(7);
  });
});

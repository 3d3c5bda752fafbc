import { METRICS_REPORT_LIMITS, parseMetricsReport } from './metrics-report';

const good = () => ({
  kind: 'MetricsReport',
  apiVersion: 'skiff.io/v1',
  timestamp: '2026-01-02T03:04:05.123Z',
  windowSeconds: 15.02,
  nodes: [
    {
      name: 'node-a',
      usageNanoCores: 1_500_000_000,
      workingSetBytes: 2 ** 31,
      pods: [{ namespace: 'default', name: 'web-1', uid: 'a1b2', containers: [{ name: 'web', usageNanoCores: 5_000_000, workingSetBytes: 2 ** 24 }] }],
    },
  ],
});

const fields = (body: unknown) => parseMetricsReport(body).causes.map((c) => c.field);

describe('an agent metrics report', () => {
  it('accepts a well-formed report and keeps only the known fields', () => {
    const body = { ...good(), extra: 1 };
    (body.nodes[0].pods[0] as Record<string, unknown>).phase = 'Running';
    const { report, causes } = parseMetricsReport(body);
    expect(causes).toEqual([]);
    expect(report).toEqual(good());
  });

  it('accepts a node without pods', () => {
    const body = good();
    delete (body.nodes[0] as Partial<(typeof body.nodes)[0]>).pods;
    expect(parseMetricsReport(body).report?.nodes[0].pods).toEqual([]);
  });

  it('names the field that is wrong', () => {
    expect(fields({ ...good(), timestamp: 'yesterday' })).toEqual(['timestamp']);
    expect(fields({ ...good(), windowSeconds: 0 })).toEqual(['windowSeconds']);
    expect(fields({ ...good(), windowSeconds: '15' })).toEqual(['windowSeconds']);
    expect(fields({ ...good(), nodes: [] })).toEqual(['nodes']);
    expect(fields({ ...good(), kind: 'Pod' })).toEqual(['kind']);
    const b = good();
    b.nodes[0].pods[0].containers[0].usageNanoCores = -1;
    (b.nodes[0] as Record<string, unknown>).workingSetBytes = 1.5;
    b.nodes[0].pods[0].namespace = 'Not_A_Label';
    expect(fields(b)).toEqual(['nodes[0].workingSetBytes', 'nodes[0].pods[0].namespace', 'nodes[0].pods[0].containers[0].usageNanoCores']);
  });

  it('says what is missing', () => {
    const { causes } = parseMetricsReport({ nodes: [{ name: 'n', pods: [{ namespace: 'default', name: 'p', containers: [] }] }] });
    expect(causes.map((c) => [c.field, c.reason])).toEqual([
      ['timestamp', 'FieldValueRequired'],
      ['windowSeconds', 'FieldValueRequired'],
      ['nodes[0].usageNanoCores', 'FieldValueRequired'],
      ['nodes[0].workingSetBytes', 'FieldValueRequired'],
      ['nodes[0].pods[0].uid', 'FieldValueRequired'],
      ['nodes[0].pods[0].containers', 'FieldValueRequired'],
    ]);
  });

  it('refuses duplicates: nodes, pods of a node, containers of a pod', () => {
    const b = good();
    b.nodes.push({ ...b.nodes[0], pods: [b.nodes[0].pods[0], b.nodes[0].pods[0]] });
    b.nodes[1].pods[0] = { ...b.nodes[1].pods[0], containers: [b.nodes[0].pods[0].containers[0], b.nodes[0].pods[0].containers[0]] };
    expect(parseMetricsReport(b).causes.map((c) => [c.field, c.reason])).toEqual([
      ['nodes[1].name', 'FieldValueDuplicate'],
      ['nodes[1].pods[0].containers[1].name', 'FieldValueDuplicate'],
      ['nodes[1].pods[1].name', 'FieldValueDuplicate'],
    ]);
  });

  it('refuses something that is not an object, and caps the list sizes', () => {
    expect(fields([1, 2])).toEqual(['']);
    const many = { ...good(), nodes: Array.from({ length: METRICS_REPORT_LIMITS.nodes + 1 }, (_, i) => ({ ...good().nodes[0], name: `n${i}` })) };
    expect(parseMetricsReport(many).causes).toEqual([{ reason: 'FieldValueTooMany', field: 'nodes', message: `Too many: ${METRICS_REPORT_LIMITS.nodes + 1}: must have at most ${METRICS_REPORT_LIMITS.nodes} items` }]);
  });

  it('reports at most 20 causes', () => {
    const b = good();
    b.nodes[0].pods = Array.from({ length: 50 }, (_, i) => ({ namespace: 'default', name: `p${i}`, uid: '', containers: [{ name: 'c', usageNanoCores: 1, workingSetBytes: 1 }] }));
    expect(parseMetricsReport(b).causes).toHaveLength(20);
  });
});

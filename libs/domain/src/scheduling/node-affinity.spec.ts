import type { NodeSelectorRequirement, NodeSelectorTerm } from '../kinds/pod';
import {
  compileNodeSelectorTerm,
  compilePreferredNodeAffinity,
  compileRequiredNodeAffinity,
  nodeSelectorTermMatches,
  requiredNodeAffinityMatches,
} from './node-affinity';

const labels = { zone: 'a', disk: 'ssd', cores: '8' };

function termMatches(term: NodeSelectorTerm, nodeName = 'n1', nodeLabels: Record<string, string> = labels): boolean {
  const compiled = compileNodeSelectorTerm(term);
  return compiled !== undefined && nodeSelectorTermMatches(compiled, nodeName, nodeLabels);
}

function expr(key: string, operator: string, values?: string[]): NodeSelectorTerm {
  const r: NodeSelectorRequirement = { key, operator, ...(values ? { values } : {}) };
  return { matchExpressions: [r] };
}

describe('node selector terms', () => {
  it('In and NotIn', () => {
    expect(termMatches(expr('zone', 'In', ['a', 'b']))).toBe(true);
    expect(termMatches(expr('zone', 'In', ['b']))).toBe(false);
    expect(termMatches(expr('zone', 'NotIn', ['b']))).toBe(true);
    expect(termMatches(expr('zone', 'NotIn', ['a']))).toBe(false);
    expect(termMatches(expr('missing', 'NotIn', ['a']))).toBe(true);
  });

  it('Exists and DoesNotExist', () => {
    expect(termMatches(expr('disk', 'Exists'))).toBe(true);
    expect(termMatches(expr('gpu', 'Exists'))).toBe(false);
    expect(termMatches(expr('gpu', 'DoesNotExist'))).toBe(true);
    expect(termMatches(expr('disk', 'DoesNotExist'))).toBe(false);
  });

  it('Gt and Lt compare integers', () => {
    expect(termMatches(expr('cores', 'Gt', ['4']))).toBe(true);
    expect(termMatches(expr('cores', 'Gt', ['8']))).toBe(false);
    expect(termMatches(expr('cores', 'Lt', ['16']))).toBe(true);
    expect(termMatches(expr('zone', 'Gt', ['1']))).toBe(false);
  });

  it('ANDs the expressions of a term', () => {
    const term = { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }, { key: 'disk', operator: 'In', values: ['hdd'] }] };
    expect(termMatches(term)).toBe(false);
  });

  it('matchFields selects by node name', () => {
    const byName = (operator: string): NodeSelectorTerm => ({ matchFields: [{ key: 'metadata.name', operator, values: ['n1'] }] });
    expect(termMatches(byName('In'), 'n1')).toBe(true);
    expect(termMatches(byName('In'), 'n2')).toBe(false);
    expect(termMatches(byName('NotIn'), 'n2')).toBe(true);
  });

  it('an empty or invalid term selects nothing', () => {
    expect(compileNodeSelectorTerm({})).toBeUndefined();
    expect(compileNodeSelectorTerm(expr('zone', 'In', []))).toBeUndefined();
    expect(compileNodeSelectorTerm(expr('zone', 'Exists', ['a']))).toBeUndefined();
    expect(compileNodeSelectorTerm(expr('cores', 'Gt', ['many']))).toBeUndefined();
    expect(compileNodeSelectorTerm(expr('zone', 'Near', ['a']))).toBeUndefined();
    expect(compileNodeSelectorTerm({ matchFields: [{ key: 'metadata.name', operator: 'Exists' }] })).toBeUndefined();
  });
});

describe('required node affinity', () => {
  it('is undefined for a pod with neither nodeSelector nor required affinity', () => {
    expect(compileRequiredNodeAffinity({ containers: [] })).toBeUndefined();
  });

  it('needs the nodeSelector AND one of the terms', () => {
    const affinity = compileRequiredNodeAffinity({
      containers: [],
      nodeSelector: { disk: 'ssd' },
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [expr('zone', 'In', ['b']), expr('cores', 'Gt', ['4']), {}],
          },
        },
      },
    })!;
    expect(requiredNodeAffinityMatches(affinity, 'n1', labels)).toBe(true);
    expect(requiredNodeAffinityMatches(affinity, 'n1', { ...labels, cores: '2' })).toBe(false);
    expect(requiredNodeAffinityMatches(affinity, 'n1', { ...labels, disk: 'hdd' })).toBe(false);
  });

  it('with no usable term matches no node', () => {
    const affinity = compileRequiredNodeAffinity({
      containers: [],
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{}] } } },
    })!;
    expect(requiredNodeAffinityMatches(affinity, 'n1', labels)).toBe(false);
  });
});

describe('preferred node affinity', () => {
  it('keeps weighted valid terms only', () => {
    const terms = compilePreferredNodeAffinity({
      containers: [],
      affinity: {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 10, preference: expr('zone', 'In', ['a']) },
            { weight: 0, preference: expr('zone', 'In', ['a']) },
            { weight: 5, preference: {} },
          ],
        },
      },
    });
    expect(terms.map((t) => t.weight)).toEqual([10]);
  });
});

import fc from 'fast-check';
import { StatusError } from '../errors/status-error';
import { isJsonMap, type JsonMap } from './json-value';
import { applyMergePatch } from './merge-patch';
import { builtinPatchMeta, NO_PATCH_META } from './patch-meta';
import { applyStrategicMergePatch } from './strategic-merge-patch';

const runs = { numRuns: 500 };
const podMeta = builtinPatchMeta('Pod');

interface Container {
  name: string;
  image?: string;
  args?: string[];
  env?: { name: string; value: string }[];
  ports?: { containerPort: number; protocol?: string }[];
}

interface Pod {
  metadata: { name: string; labels?: Record<string, string>; finalizers?: string[] };
  spec: { containers: Container[]; tolerations?: { key: string; operator: string }[] };
}

const containerName = fc.constantFrom('web', 'log', 'db', 'proxy');
const container: fc.Arbitrary<Container> = fc.record(
  {
    name: containerName,
    image: fc.constantFrom('nginx:1.27', 'busybox', 'redis:7'),
    args: fc.array(fc.constantFrom('-v', '--x', 'run'), { maxLength: 2 }),
    env: fc.uniqueArray(fc.record({ name: fc.constantFrom('A', 'B', 'C'), value: fc.string({ maxLength: 3 }) }), { selector: (e) => e.name, maxLength: 3 }),
    ports: fc.uniqueArray(fc.record({ containerPort: fc.constantFrom(80, 443, 9090), protocol: fc.constantFrom('TCP', 'UDP') }, { requiredKeys: ['containerPort'] }), {
      selector: (p) => p.containerPort,
      maxLength: 2,
    }),
  },
  { requiredKeys: ['name'] },
);
const containers = fc.uniqueArray(container, { selector: (c) => c.name, maxLength: 3 });
const labels = fc.dictionary(fc.constantFrom('app', 'tier', 'env'), fc.constantFrom('web', 'db', 'prod'), { maxKeys: 3, noNullPrototype: true });
const pod: fc.Arbitrary<Pod> = fc.record({
  metadata: fc.record(
    { name: fc.constant('web'), labels, finalizers: fc.uniqueArray(fc.constantFrom('a.io/x', 'b.io/y', 'c.io/z'), { maxLength: 3 }) },
    { requiredKeys: ['name'] },
  ),
  spec: fc.record(
    { containers, tolerations: fc.array(fc.record({ key: fc.constantFrom('k1', 'k2'), operator: fc.constant('Exists') }), { maxLength: 2 }) },
    { requiredKeys: ['containers'] },
  ),
});

const smp = (doc: unknown, patch: unknown) => applyStrategicMergePatch(doc, patch, podMeta) as Pod;
const names = (list: readonly Container[]) => list.map((c) => c.name);

describe('strategic merge patch properties', () => {
  it('leaves a document as it is when the patch is empty or null', () => {
    fc.assert(
      fc.property(pod, (p) => {
        expect(smp(p, {})).toEqual(p);
        expect(smp(p, null)).toEqual(p);
      }),
      runs,
    );
  });

  it('leaves a document as it is when patched with itself', () => {
    fc.assert(
      fc.property(pod, (p) => {
        expect(smp(p, p)).toEqual(p);
      }),
      runs,
    );
  });

  it('merges a keyed list item by item: one entry per key, patched fields set, other items untouched', () => {
    const patchItem = fc.record({ name: containerName, image: fc.constantFrom('nginx:1.28', 'alpine') }, { requiredKeys: ['name'] });
    fc.assert(
      fc.property(pod, fc.uniqueArray(patchItem, { selector: (c) => c.name, maxLength: 3 }), (p, items) => {
        const out = smp(p, { spec: { containers: items } });
        const result = out.spec.containers;
        expect(new Set(names(result)).size).toBe(result.length);
        expect(new Set(names(result))).toEqual(new Set([...names(p.spec.containers), ...names(items)]));
        for (const item of items) {
          const merged = result.find((c) => c.name === item.name) as Container;
          if (item.image) expect(merged.image).toBe(item.image);
        }
        for (const c of p.spec.containers) {
          if (!items.some((i) => i.name === c.name)) expect(result.find((r) => r.name === c.name)).toEqual(c);
        }
      }),
      runs,
    );
  });

  it('removes the item named by $patch: delete and keeps the rest as they were, in order', () => {
    fc.assert(
      fc.property(pod, containerName, (p, doomed) => {
        const out = smp(p, { spec: { containers: [{ name: doomed, $patch: 'delete' }] } });
        expect(out.spec.containers).toEqual(p.spec.containers.filter((c) => c.name !== doomed));
      }),
      runs,
    );
  });

  it('makes the other patch items the whole list when one says $patch: replace', () => {
    fc.assert(
      fc.property(pod, containers, (p, items) => {
        const out = smp(p, { spec: { containers: [...items, { $patch: 'replace' }] } });
        expect(out.spec.containers).toEqual(items);
      }),
      runs,
    );
  });

  it('unions merge lists of scalars without duplicates and removes what $deleteFromPrimitiveList names', () => {
    const finalizers: fc.Arbitrary<string[]> = fc.uniqueArray(fc.constantFrom('a.io/x', 'b.io/y', 'c.io/z', 'd.io/w'), { maxLength: 3 });
    fc.assert(
      fc.property(pod, finalizers, finalizers, (p, added, removed) => {
        const union = smp(p, { metadata: { finalizers: added } }).metadata.finalizers ?? [];
        expect(new Set(union)).toEqual(new Set([...(p.metadata.finalizers ?? []), ...added]));
        expect(new Set(union).size).toBe(union.length);
        const left = smp(p, { metadata: { '$deleteFromPrimitiveList/finalizers': removed } });
        expect(left.metadata.finalizers ?? []).toEqual((p.metadata.finalizers ?? []).filter((f) => !removed.includes(f)));
      }),
      runs,
    );
  });

  it('removes map entries patched to null and keeps the rest', () => {
    fc.assert(
      fc.property(pod, fc.constantFrom('app', 'tier', 'env'), (p, k) => {
        const out = smp(p, { metadata: { labels: { [k]: null } } });
        const expected = { ...(p.metadata.labels ?? {}) };
        delete expected[k];
        expect(out.metadata.labels ?? {}).toEqual(expected);
      }),
      runs,
    );
  });
});

// Documents of maps, lists and scalars over a few keys, none of them a `$` directive.
const key = fc.constantFrom('a', 'b', 'spec', 'items', '__proto__', 'constructor');
const scalar = fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.boolean());
const { doc: plainDoc } = fc.letrec<{ doc: JsonMap; value: unknown }>((tie) => ({
  doc: fc.dictionary(key, tie('value'), { maxKeys: 4, noNullPrototype: true }),
  value: fc.oneof({ depthSize: 'small', maxDepth: 4 }, scalar, fc.constant(null), fc.array(tie('value'), { maxLength: 3 }), tie('doc')),
}));
const asJson = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('strategic merge patch without patch metadata', () => {
  it('agrees with a JSON merge patch when no field has a strategy', () => {
    fc.assert(
      fc.property(plainDoc.map(asJson), plainDoc.map(asJson), (doc, patch) => {
        expect(applyStrategicMergePatch(doc, patch, NO_PATCH_META)).toEqual(applyMergePatch(doc, patch));
      }),
      runs,
    );
  });
});

describe('strategic merge patch on arbitrary patches', () => {
  const directiveKey = fc.constantFrom(
    '$patch',
    '$retainKeys',
    '$setElementOrder/containers',
    '$setElementOrder/finalizers',
    '$deleteFromPrimitiveList/finalizers',
    '$deleteFromPrimitiveList/args',
    '$setElementOrder',
    '$deleteFromPrimitiveList',
  );
  const fieldKey = fc.constantFrom('metadata', 'spec', 'containers', 'name', 'image', 'env', 'ports', 'containerPort', 'finalizers', 'labels', 'tolerations', 'args', '__proto__');
  const value = fc.oneof(fc.constantFrom('delete', 'replace', 'merge', 'web', 'log', 80, 'a.io/x'), fc.constant(null), fc.integer(), fc.boolean());
  const { doc: patchDoc } = fc.letrec<{ doc: JsonMap; value: unknown }>((tie) => ({
    doc: fc.dictionary(fc.oneof(fieldKey, directiveKey), tie('value'), { maxKeys: 4, noNullPrototype: true }),
    value: fc.oneof({ depthSize: 'small', maxDepth: 5 }, value, fc.array(tie('value'), { maxLength: 3 }), tie('doc')),
  }));

  it('answers with a document or a Status error, changing neither input', () => {
    fc.assert(
      fc.property(pod, patchDoc.map(asJson), (p, patch) => {
        const [docBefore, patchBefore] = [JSON.stringify(p), JSON.stringify(patch)];
        try {
          expect(isJsonMap(smp(p, patch))).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(StatusError);
        }
        expect([JSON.stringify(p), JSON.stringify(patch)]).toEqual([docBefore, patchBefore]);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('strategic merge patch examples found by the properties', () => {
  it('sets a key named __proto__ as an ordinary key instead of replacing the prototype', () => {
    const out = applyStrategicMergePatch({ data: {} }, JSON.parse('{"data": {"__proto__": {"x": "1"}}}'), NO_PATCH_META) as { data: JsonMap };
    expect(Object.keys(out.data)).toEqual(['__proto__']);
    expect((out.data as { x?: string }).x).toBeUndefined();
  });
});

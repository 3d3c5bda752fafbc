import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

/**
 * A Kubernetes field path (`spec.template.spec.containers[0].image`, `metadata.labels[app]`)
 * as steps: names and map keys are strings, list indexes numbers.
 */
export function fieldSteps(path: string): (string | number)[] {
  const steps: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[([^\]]*)\]/g)) {
    if (m[1] !== undefined) steps.push(m[1]);
    else steps.push(/^\d+$/.test(m[2]) ? Number(m[2]) : m[2]);
  }
  return steps;
}

/**
 * The line (1-based) of a field in a parsed document, under `at` (where the object is):
 * the line of its key, or of the deepest part of the path that is written (a missing
 * field is shown at its parent, where it belongs).
 */
export function fieldLine(doc: Document, lines: LineCounter, at: (string | number)[], path: string): number | undefined {
  let node: unknown = doc.contents;
  let start: number | undefined;
  for (const step of [...at, ...fieldSteps(path)]) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(step));
      if (!pair) break;
      start = (pair.key as Node | null)?.range?.[0] ?? start;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number' && step < node.items.length) {
      node = node.items[step];
      start = (node as Node | null)?.range?.[0] ?? start;
    } else break;
  }
  return start === undefined ? undefined : lines.linePos(start).line;
}

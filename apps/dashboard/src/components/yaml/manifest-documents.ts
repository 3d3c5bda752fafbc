import YAML, { LineCounter, type Document } from 'yaml';
import type { KubeObject } from '@skiff/domain';

/** A syntax error at a line (1-based). */
export interface ParseProblem {
  line: number;
  message: string;
}

/** One object of a manifest, with the parsed document it came from (to find a field's line). */
export interface ManifestDocument {
  object: KubeObject;
  doc: Document;
  /** Where the object is in its document: [] or, for an item of a List, ['items', i]. */
  at: (string | number)[];
  /** The line it starts at. */
  line: number;
}

export interface ParsedManifest {
  documents: ManifestDocument[];
  problems: ParseProblem[];
  lines: LineCounter;
}

const lineOf = (lines: LineCounter, offset: number) => lines.linePos(offset).line;

/** The error's own words, without the "at line …" and source excerpt the yaml package adds. */
const shortMessage = (m: string) => m.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');

/**
 * YAML or JSON, one or many documents: the objects, or the problems with their lines.
 * A document that is not a mapping with apiVersion and kind is a problem too; a `List`
 * is its items (they carry no document of their own, so they point at the List's).
 */
export function parseManifest(text: string): ParsedManifest {
  const lines = new LineCounter();
  const docs = YAML.parseAllDocuments(text, { lineCounter: lines });
  const documents: ManifestDocument[] = [];
  const problems: ParseProblem[] = [];
  for (const doc of Array.isArray(docs) ? docs : []) {
    for (const e of [...doc.errors]) problems.push({ line: e.linePos?.[0].line ?? lineOf(lines, e.pos[0]), message: shortMessage(e.message) });
    if (doc.errors.length || doc.contents === null) continue;
    const line = lineOf(lines, doc.contents.range?.[0] ?? 0);
    const value = doc.toJS() as unknown;
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      problems.push({ line, message: 'a document must be a mapping (an object)' });
      continue;
    }
    const list = value as { kind?: string; items?: unknown };
    const objects = list.kind === 'List' && Array.isArray(list.items) ? list.items.map((item, i) => ({ item, at: ['items', i] })) : [{ item: value, at: [] }];
    for (const { item, at } of objects) {
      const itemLine = at.length ? lineOf(lines, nodeStart(doc, at) ?? 0) : line;
      const object = item as KubeObject;
      if (!object || typeof object !== 'object' || !object.apiVersion || !object.kind) problems.push({ line: itemLine, message: 'apiVersion and kind are required' });
      else documents.push({ object, doc, at, line: itemLine });
    }
  }
  return { documents, problems, lines };
}

function nodeStart(doc: Document, at: (string | number)[]): number | undefined {
  const node = doc.getIn(at, true) as { range?: [number, number, number] } | undefined;
  return node?.range?.[0];
}

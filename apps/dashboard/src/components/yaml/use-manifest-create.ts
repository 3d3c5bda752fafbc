'use client';
import { useCallback, useState } from 'react';
import type { KubeObject } from '@skiff/domain';
import { ApiError, rest } from '@/lib/api';
import { fieldLine } from './field-line';
import { parseManifest, type ManifestDocument, type ParseProblem } from './manifest-documents';
import { collectionPath, manifestResource, type ManifestResource } from './manifest-resource';

export interface CreateResult {
  kind: string;
  name: string;
  namespace?: string;
  dryRun: boolean;
  /** The object as the server made it (or would make it). */
  object?: KubeObject;
  resource?: ManifestResource;
  error?: Error;
}

const NONE: number[] = [];

/**
 * `kubectl create -f` from the browser: every document of the manifest is POSTed to its
 * collection in turn (server-side `dryRun=All` for a dry run), each with its own result,
 * so one refused object does not hide what happened to the others.
 */
export function useManifestCreate() {
  const [results, setResults] = useState<CreateResult[]>([]);
  const [problems, setProblems] = useState<ParseProblem[]>([]);
  const [markedLines, setMarkedLines] = useState<number[]>(NONE);
  const [busy, setBusy] = useState(false);

  const run = useCallback(async (text: string, namespace: string, dryRun: boolean) => {
    const parsed = parseManifest(text);
    const found = parsed.problems.length || parsed.documents.length ? parsed.problems : [{ line: 1, message: 'there is nothing to create' }];
    setProblems(found);
    setResults([]);
    if (found.length) return setMarkedLines(found.map((p) => p.line));
    setBusy(true);
    const done: CreateResult[] = [];
    const lines: number[] = [];
    for (const d of parsed.documents) {
      const result = await createOne(d, namespace, dryRun);
      done.push(result);
      setResults([...done]);
      for (const c of result.error instanceof ApiError ? result.error.causes : []) {
        const line = c.field ? fieldLine(d.doc, parsed.lines, d.at, c.field) : undefined;
        lines.push(line ?? d.line);
      }
      if (result.error && !(result.error instanceof ApiError && result.error.causes.length)) lines.push(d.line);
    }
    setMarkedLines(lines);
    setBusy(false);
  }, []);

  return { run, results, problems, markedLines, busy };
}

async function createOne({ object }: ManifestDocument, namespace: string, dryRun: boolean): Promise<CreateResult> {
  const meta = object.metadata ?? {};
  // parseManifest keeps only objects with both.
  const [apiVersion, kind] = [object.apiVersion!, object.kind!];
  const result: CreateResult = { kind, name: meta.name ?? `${meta.generateName ?? ''}…`, namespace: meta.namespace, dryRun };
  try {
    result.resource = await manifestResource(apiVersion, kind);
    result.namespace = result.resource.namespaced ? (meta.namespace ?? namespace) : undefined;
    const made = await rest<KubeObject>('POST', collectionPath(result.resource, result.namespace ?? '') + (dryRun ? '?dryRun=All' : ''), object);
    return { ...result, name: made.metadata.name ?? result.name, object: made };
  } catch (e) {
    return { ...result, error: e instanceof Error ? e : new Error(String(e)) };
  }
}

'use client';
import { useCallback, useMemo, useState } from 'react';
import type { KubeObject } from '@skiff/domain';
import { ApiError, rest } from '@/lib/api';
import { objectPath, type DashboardKind } from '@/lib/kinds';
import { fieldLine } from './field-line';
import { parseManifest, type ParseProblem } from './manifest-documents';
import { objectYaml } from './object-yaml';

export type EditOutcome =
  | { kind: 'saved'; dryRun: boolean }
  | { kind: 'refused'; error: Error; lines: number[] }
  | { kind: 'unparsable'; problems: ParseProblem[]; lines: number[] };

const revision = (o: KubeObject | undefined) => Number(o?.metadata.resourceVersion ?? 0);
const NONE: number[] = [];

/**
 * Editing one object as YAML, as `kubectl edit` does: the text follows the live object
 * until the user types; then Dry run / Apply PUT the edited object (its resourceVersion
 * makes a change made meanwhile a Conflict, which Reload resolves). Refused fields and
 * parse errors come back with their lines.
 */
export function useObjectEditor(kind: DashboardKind, object: KubeObject) {
  const [draft, setDraft] = useState<{ text: string; revision: number }>();
  const [applied, setApplied] = useState<KubeObject>();
  const [outcome, setOutcome] = useState<EditOutcome>();
  const [busy, setBusy] = useState(false);
  // The newest of the live object and the one an Apply answered (the live one may lag).
  const latest = revision(applied) > revision(object) ? applied! : object;
  const shown = useMemo(() => objectYaml(latest), [latest]);
  const text = draft?.text ?? shown;

  const edit = useCallback(
    (t: string) => {
      setDraft((d) => ({ text: t, revision: d?.revision ?? revision(latest) }));
      setOutcome((o) => (o?.kind === 'saved' ? undefined : o));
    },
    [latest],
  );
  const reload = useCallback(() => {
    setDraft(undefined);
    setOutcome(undefined);
  }, []);

  const submit = useCallback(
    async (dryRun: boolean) => {
      const parsed = parseManifest(text);
      const problems = parsed.problems.length || parsed.documents.length === 1 ? parsed.problems : [{ line: 1, message: 'the YAML must hold exactly one object' }];
      if (problems.length) return setOutcome({ kind: 'unparsable', problems, lines: problems.map((p) => p.line) });
      const { object: body, doc, at } = parsed.documents[0];
      setBusy(true);
      try {
        const saved = await rest<KubeObject>('PUT', objectPath(kind, object.metadata.namespace, object.metadata.name!) + (dryRun ? '?dryRun=All' : ''), body);
        setOutcome({ kind: 'saved', dryRun });
        if (!dryRun) {
          setApplied(saved);
          setDraft(undefined);
        }
      } catch (e) {
        const error = e instanceof Error ? e : new Error(String(e));
        const causes = error instanceof ApiError ? error.causes : [];
        const lines = causes.map((c) => (c.field ? fieldLine(doc, parsed.lines, at, c.field) : undefined)).filter((n): n is number => n !== undefined);
        setOutcome({ kind: 'refused', error, lines });
      } finally {
        setBusy(false);
      }
    },
    [kind, object.metadata.namespace, object.metadata.name, text],
  );

  const markedLines = outcome && outcome.kind !== 'saved' ? outcome.lines : NONE;
  const changedMeanwhile = !!draft && revision(latest) > draft.revision;
  return { text, edit, dirty: !!draft, submit, reload, busy, outcome, markedLines, changedMeanwhile };
}

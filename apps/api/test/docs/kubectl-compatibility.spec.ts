import * as fs from 'fs';
import * as path from 'path';
import { RESOURCE_TYPES } from '@skiff/domain';
import { ROOT } from '../support/agent-process';

/**
 * docs/kubectl-compatibility.md is checked against the code: its kinds table is the
 * registry's, each test it names exists and runs the command it is named for, and what it
 * lists as not served is not in the registry.
 */
describe('docs/kubectl-compatibility.md', () => {
  const doc = fs.readFileSync(path.join(ROOT, 'docs/kubectl-compatibility.md'), 'utf8');
  const section = (title: string) => {
    const start = doc.indexOf(`## ${title}`);
    const end = doc.indexOf('\n## ', start + 3);
    return doc.slice(start, end === -1 ? undefined : end);
  };
  const tableRows = (text: string) =>
    text
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('|---'))
      .slice(1)
      .map((l) => l.split(' | ').map((c) => c.replace(/^\| |\s*\|$/g, '').trim()));
  const ticks = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);

  it('lists exactly the kinds the registry serves, with their apiVersion, resource, scope and subresources', () => {
    const documented = new Map<string, string>();
    for (const [kinds, apiVersion, resources, scope, subresources] of tableRows(section('Kinds served'))) {
      const names = kinds.replace(/ \(.*\)$/, '').split(', ');
      const plural = ticks(resources.replace(/\(.*?\)/g, ''));
      names.forEach((kind, i) => documented.set(kind, [ticks(apiVersion)[0], plural[i], scope, ticks(subresources).sort().join(',')].join(' ')));
    }
    const served = new Map(RESOURCE_TYPES.map((t) => [t.kind, [t.group ? `${t.group}/${t.version}` : t.version, t.resource, t.namespaced ? 'namespace' : 'cluster', [...t.subresources].sort().join(',')].join(' ')]));
    expect(Object.fromEntries(documented)).toEqual(Object.fromEntries(served));
  });

  it('names tests that exist and run the command of their row', () => {
    const e2e = path.join(ROOT, 'apps/api/test/e2e');
    const rows = tableRows(section('kubectl commands and where they are tested'));
    expect(rows.length).toBeGreaterThan(30);
    for (const [command, testedIn] of rows) {
      const files = ticks(testedIn).filter((f) => !f.startsWith('.')).map((f) => (f.endsWith('.ts') ? f : `${f}.e2e.spec.ts`)).filter((f) => !f.includes('/'));
      expect({ command, files: files.filter((f) => !fs.existsSync(path.join(e2e, f))) }).toEqual({ command, files: [] });
      const verb = /^`kubectl ([a-z-]+)/.exec(command)?.[1];
      if (!verb) continue;
      const sources = files.map((f) => fs.readFileSync(path.join(e2e, f), 'utf8')).join('\n');
      // The command word as kubectl gets it: an argument ('rollout') or inside a command line.
      expect({ command, runs: new RegExp(`['"\`]${verb}['"\`]|kubectl ${verb}\\b|\\['${verb}'`).test(sources) }).toEqual({ command, runs: true });
    }
  });

  it('lists as not served only kinds the registry does not serve', () => {
    const missing = [...section('Not served').matchAll(/\*\*([A-Z][A-Za-z]+)\*\*/g)].map((m) => m[1]);
    expect(missing).toEqual(expect.arrayContaining(['PodDisruptionBudget', 'ServiceAccount', 'Ingress', 'Job']));
    const served = new Set(RESOURCE_TYPES.map((t) => t.kind));
    expect(missing.filter((k) => served.has(k))).toEqual([]);
  });
});

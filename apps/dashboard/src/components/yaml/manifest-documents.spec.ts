import { parseManifest } from './manifest-documents';

describe('parseManifest', () => {
  it('reads every document, skipping empty ones, each with the line it starts at', () => {
    const { documents, problems } = parseManifest('---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: b\n');
    expect(problems).toEqual([]);
    expect(documents.map((d) => [d.object.kind, d.object.metadata.name, d.line])).toEqual([
      ['ConfigMap', 'a', 2],
      ['Secret', 'b', 8],
    ]);
  });

  it('reads JSON as well', () => {
    const { documents } = parseManifest('{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "team-a"}}');
    expect(documents[0].object.metadata.name).toBe('team-a');
  });

  it('says at which line the YAML does not parse', () => {
    const { documents, problems } = parseManifest('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [oops\n');
    expect(documents).toEqual([]);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0].line).toBeGreaterThanOrEqual(4);
    expect(problems[0].message).not.toContain('\n');
  });

  it('refuses documents that are not objects with apiVersion and kind', () => {
    const { problems } = parseManifest('- a\n---\nkind: ConfigMap\n');
    expect(problems).toEqual([
      { line: 1, message: 'a document must be a mapping (an object)' },
      { line: 3, message: 'apiVersion and kind are required' },
    ]);
  });
});

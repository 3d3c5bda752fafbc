import * as fs from 'fs';
import * as path from 'path';

/**
 * libs/domain is the pure core: it may use small data libraries, never a framework,
 * a database or network client, the apps, or I/O. This test is the rule's enforcement.
 */
const ALLOWED_PACKAGES = new Set(['fast-json-patch', 'yaml', 'protobufjs/minimal', 'diff', 'picomatch/posix']);
const FORBIDDEN_GLOBALS = /\bfetch\s*\(|\bXMLHttpRequest\b|\bprocess\.(env|stdout|stderr)\b/;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [p] : [];
  });
}

describe('libs/domain purity', () => {
  const files = sources(__dirname);

  it('imports only relative modules and the allowed data libraries', () => {
    const offending: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)) {
        const spec = m[1];
        if (spec.startsWith('.')) {
          const target = path.resolve(path.dirname(file), spec);
          if (!target.startsWith(__dirname)) offending.push(`${path.relative(__dirname, file)}: ${spec}`);
        } else if (!ALLOWED_PACKAGES.has(spec)) {
          offending.push(`${path.relative(__dirname, file)}: ${spec}`);
        }
      }
    }
    expect(offending).toEqual([]);
  });

  it('does no I/O and reads no environment', () => {
    const offending = files.filter((f) => FORBIDDEN_GLOBALS.test(fs.readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')));
    expect(offending.map((f) => path.relative(__dirname, f))).toEqual([]);
  });
});

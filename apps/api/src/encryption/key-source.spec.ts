import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createKeyFile, keyFilePath, readKeyFile } from './key-file';
import { formatKeyList, generateKey } from './key-list';
import { loadKeyRing } from './key-source';

describe('where the keys come from', () => {
  let home: string;
  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'skiff-keys-'));
  });
  afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

  it('makes <home>/encryption-keys (0600) on first start and reads the same key after', () => {
    const first = loadKeyRing({ home }, []);
    expect(first.created).toBe(true);
    expect(fs.statSync(keyFilePath(home)).mode & 0o777).toBe(0o600);
    const again = loadKeyRing({ home }, [first.ring.primaryId]);
    expect(again.created).toBe(false);
    expect(formatKeyList(again.ring.keys)).toBe(formatKeyList(first.ring.keys));
    expect(fs.readdirSync(home)).toEqual(['encryption-keys']);
  });

  it('gives processes that start at once on one home one key', async () => {
    const module = path.join(__dirname, 'key-file.ts');
    const script = `require(${JSON.stringify(module)}).createKeyFile(process.argv[1]); process.stdout.write(require('fs').readFileSync(process.argv[1] + '/encryption-keys', 'utf8'))`;
    const run = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, ['-r', path.resolve(__dirname, '../../../../scripts/ts-register.cjs'), '-e', script, home], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d));
        child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))));
      });
    const files = await Promise.all([run(), run(), run(), run()]);
    expect(new Set(files).size).toBe(1);
    // Losing the race reads the winner's file; nothing is left aside.
    expect(formatKeyList(createKeyFile(home))).toBe(formatKeyList(readKeyFile(home)!));
    expect(fs.readdirSync(home)).toEqual(['encryption-keys']);
  }, 60_000);

  it('prefers SKIFF_ENCRYPTION_KEYS and then makes no file', () => {
    const given = [generateKey(), generateKey()];
    const r = loadKeyRing({ home, encryptionKeys: given }, [given[1].id]);
    expect(r.ring.primaryId).toBe(given[0].id);
    expect(r.source).toBe('SKIFF_ENCRYPTION_KEYS');
    expect(fs.existsSync(keyFilePath(home))).toBe(false);
  });

  it('refuses keys that do not hold every key stored Secrets name', () => {
    expect(() => loadKeyRing({ home, encryptionKeys: [generateKey()] }, ['k-old'])).toThrow(
      /the store holds Secrets encrypted with key "k-old", which SKIFF_ENCRYPTION_KEYS does not hold: every Skiff process needs the same keys/,
    );
  });

  it('will not make a new key file when the store already holds sealed Secrets', () => {
    expect(() => loadKeyRing({ home }, ['k-lost'])).toThrow(/encrypted with key "k-lost", but .*encryption-keys does not exist and SKIFF_ENCRYPTION_KEYS is not set: restore that key file/);
    expect(fs.existsSync(keyFilePath(home))).toBe(false);
    expect(() => loadKeyRing({}, [])).toThrow('set SKIFF_ENCRYPTION_KEYS or SKIFF_HOME');
  });

  it('names the file when it holds a bad key', () => {
    fs.writeFileSync(keyFilePath(home), 'k1:c2hvcnQ=\n');
    expect(() => loadKeyRing({ home }, [])).toThrow(`${keyFilePath(home)}: key "k1" must be 32 bytes`);
  });
});

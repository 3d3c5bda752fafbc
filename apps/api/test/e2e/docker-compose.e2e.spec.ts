import * as fs from 'fs';
import * as path from 'path';
import YAML from 'yaml';
import { ROOT } from '../support/agent-process';

/**
 * No Docker engine runs here, so docker-compose.yml is checked as a file: the scale-out
 * topology (scale-out.e2e.spec.ts runs the same as processes) holds together.
 */
describe('docker-compose.yml', () => {
  const compose = YAML.parse(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true });
  const services: Record<string, any> = compose.services;
  const skiff = Object.entries(services).filter(([, s]) => s.environment?.DATABASE_URL);
  const roleOf = (s: any) => s.environment.SKIFF_ROLES ?? 'api,controllers,scheduler';

  it('runs two API replicas, a controllers worker and a scheduler worker on one Postgres and Redis', () => {
    expect(skiff.filter(([, s]) => roleOf(s) === 'api').map(([n]) => n)).toEqual(['api-1', 'api-2']);
    expect(skiff.filter(([, s]) => roleOf(s) === 'controllers')).toHaveLength(1);
    expect(skiff.filter(([, s]) => roleOf(s) === 'scheduler')).toHaveLength(1);
    for (const [, s] of skiff) {
      expect(s.environment.DATABASE_URL).toContain('@postgres:5432/');
      expect(s.environment.REDIS_URL).toBe('redis://redis:6379');
      expect(s.environment.SKIFF_HOME).toBe('/skiff-home');
      expect(s.depends_on.postgres.condition).toBe('service_healthy');
    }
  });

  it('health-checks every Skiff process on its own /readyz, and the store services', () => {
    for (const [, s] of skiff) {
      const port = s.environment.SKIFF_PORT ?? '6443';
      expect(s.healthcheck.test.join(' ')).toContain(`https://localhost:${port}/readyz`);
    }
    expect(services.postgres.healthcheck).toBeDefined();
    expect(services.redis.healthcheck).toBeDefined();
  });

  it('starts files that exist, and balances over every API replica whose certificate names it', () => {
    for (const s of Object.values(services)) {
      const cmd = [].concat(s.command ?? []).join(' ');
      for (const file of cmd.match(/(?:apps|scripts)\/[\w/.-]+\.(?:ts|mjs)/g) ?? []) expect(fs.existsSync(path.join(ROOT, file))).toBe(true);
    }
    const haproxy = fs.readFileSync(path.join(ROOT, services.lb.volumes[0].split(':')[0]), 'utf8');
    const apis = skiff.filter(([, s]) => roleOf(s) === 'api').map(([n]) => n);
    for (const name of apis) {
      expect(haproxy).toMatch(new RegExp(`server ${name} ${name}:6443 check`));
      expect(services[name].environment.SKIFF_TLS_SANS.split(',')).toEqual(expect.arrayContaining([...apis, 'lb', 'localhost']));
    }
    expect(services.agent.command.join(' ')).toContain('--server=https://lb:6443');
  });
});

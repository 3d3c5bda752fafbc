import * as path from 'path';
import { parseKeyList } from '../encryption/key-list';
import type { EncryptionKey } from '../encryption/key-ring';

/** The environment, read and checked once at start into one typed object. */
export interface SkiffConfig {
  home: string;
  databaseUrl: string;
  /** Postgres schema holding Skiff's tables (tests use one per suite). */
  databaseSchema: string;
  redisUrl: string;
  /** Prefix of every Redis key (tests use one per suite). */
  redisPrefix: string;
  host: string;
  port: number;
  roles: Set<'api' | 'controllers' | 'scheduler'>;
  /** Extra names and addresses for the serving certificate (SKIFF_TLS_SANS), beyond loopback and the host name. */
  tlsSans: string[];
  /** How many revisions the change log keeps before compaction. */
  historyRevisions: number;
  /** How many change events the Redis stream keeps (approximate trim). */
  streamLength: number;
  /** How often a watch that asked for bookmarks gets one. */
  bookmarkIntervalMs: number;
  serviceCidr: string;
  /** Pod addresses: each Node gets a /nodeCidrMaskSize slice of this loopback range. */
  podCidr: string;
  nodeCidrMaskSize: number;
  nodePortRange: [number, number];
  /** A node whose Lease is older than this is NotReady (kube-controller-manager's node-monitor-grace-period). */
  nodeMonitorGraceMs: number;
  /** Pods of an unreachable node are evicted after this (Kubernetes' default toleration: 300 s). */
  podEvictionTimeoutMs: number;
  /** How often each HorizontalPodAutoscaler looks at its target (kube-controller-manager: 15 s). */
  hpaSyncMs: number;
  /** Lowest Nest log level printed: debug, log, warn or error. */
  logLevel: 'debug' | 'log' | 'warn' | 'error';
  /**
   * Secret encryption keys (SKIFF_ENCRYPTION_KEYS: `id:base64key,…`, the first encrypts);
   * unset: `<home>/encryption-keys`, made with a new key on first start.
   */
  encryptionKeys?: EncryptionKey[];
  /** The dashboard's static export (default: apps/dashboard/out of this checkout). */
  dashboardDir?: string;
  /** Audit entries older than this many days are deleted. */
  auditRetentionDays: number;
  /** The first admin's password (SKIFF_ADMIN_PASSWORD); without it one is made and printed once. */
  adminPassword?: string;
}

function int(env: NodeJS.ProcessEnv, name: string, def: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  const v = Number(raw);
  if (!Number.isInteger(v) || v < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return v;
}

const LOG_LEVELS = ['debug', 'log', 'warn', 'error'] as const;

function logLevel(raw: string | undefined): SkiffConfig['logLevel'] {
  const v = raw === 'info' || !raw ? 'log' : raw;
  if (!(LOG_LEVELS as readonly string[]).includes(v)) throw new Error(`SKIFF_LOG_LEVEL must be one of debug, info, warn, error; got "${raw}"`);
  return v as SkiffConfig['logLevel'];
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): SkiffConfig {
  const home = path.resolve(env.SKIFF_HOME || '.skiff');
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set (npm start sets it for the embedded Postgres)');
  if (!env.REDIS_URL) throw new Error('REDIS_URL is not set (npm start sets it for the local redis-server)');
  const roles = new Set((env.SKIFF_ROLES || 'api,controllers,scheduler').split(',').map((r) => r.trim()));
  for (const r of roles) {
    if (!['api', 'controllers', 'scheduler'].includes(r)) throw new Error(`SKIFF_ROLES: unknown role "${r}"`);
  }
  const schema = env.SKIFF_DB_SCHEMA || 'public';
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`SKIFF_DB_SCHEMA must be a plain identifier, got "${schema}"`);
  const [npLow, npHigh] = (env.SKIFF_NODE_PORT_RANGE || '30000-32767').split('-').map(Number);
  return {
    home,
    databaseUrl: env.DATABASE_URL,
    databaseSchema: schema,
    redisUrl: env.REDIS_URL,
    redisPrefix: env.SKIFF_REDIS_PREFIX || 'skiff:',
    host: env.SKIFF_HOST || '127.0.0.1',
    port: int(env, 'SKIFF_PORT', 6443),
    roles: roles as SkiffConfig['roles'],
    tlsSans: (env.SKIFF_TLS_SANS || '').split(',').map((n) => n.trim()).filter(Boolean),
    historyRevisions: int(env, 'SKIFF_HISTORY_REVISIONS', 1_000_000),
    streamLength: int(env, 'SKIFF_STREAM_LENGTH', 100_000),
    bookmarkIntervalMs: int(env, 'SKIFF_WATCH_BOOKMARK_SECONDS', 60) * 1000,
    serviceCidr: env.SKIFF_SERVICE_CIDR || '127.32.0.0/16',
    podCidr: env.SKIFF_POD_CIDR || '127.64.0.0/10',
    nodeCidrMaskSize: int(env, 'SKIFF_NODE_CIDR_MASK_SIZE', 24),
    nodePortRange: [npLow, npHigh],
    nodeMonitorGraceMs: int(env, 'SKIFF_NODE_MONITOR_GRACE_SECONDS', 40) * 1000,
    podEvictionTimeoutMs: int(env, 'SKIFF_POD_EVICTION_TIMEOUT_SECONDS', 300) * 1000,
    hpaSyncMs: int(env, 'SKIFF_HPA_SYNC_SECONDS', 15) * 1000,
    logLevel: logLevel(env.SKIFF_LOG_LEVEL),
    ...(env.SKIFF_ENCRYPTION_KEYS ? { encryptionKeys: parseKeyList(env.SKIFF_ENCRYPTION_KEYS, 'SKIFF_ENCRYPTION_KEYS') } : {}),
    auditRetentionDays: int(env, 'SKIFF_AUDIT_RETENTION_DAYS', 90),
    ...(env.SKIFF_DASHBOARD_DIR ? { dashboardDir: path.resolve(env.SKIFF_DASHBOARD_DIR) } : {}),
    ...(env.SKIFF_ADMIN_PASSWORD ? { adminPassword: env.SKIFF_ADMIN_PASSWORD } : {}),
  };
}

export const SKIFF_CONFIG = Symbol('SKIFF_CONFIG');

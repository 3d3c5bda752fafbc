import type { DataSource } from 'typeorm';
import { findResourceType, groupResource, isStatusError, type DeployHook } from '@skiff/domain';
import type { ObjectRegistry } from '../registry/object-registry';

export const DEPLOY_HOOKS = findResourceType('skiff.io', 'v1alpha1', 'deployhooks')!;
const SECRETS = findResourceType('', 'v1', 'secrets')!;

/** Reads what a delivery needs: the hook its path names, and the token that signs for it. */
export class HookReader {
  constructor(
    private readonly ds: DataSource,
    private readonly registry: ObjectRegistry,
  ) {}

  /** The live hook whose uid is `uid`, found through the objects table's unique uid. */
  async byUid(uid: string): Promise<DeployHook | undefined> {
    const rows: { namespace: string; name: string }[] = await this.ds.query(`SELECT namespace, name FROM objects WHERE uid = $1 AND resource = $2`, [
      uid,
      groupResource(DEPLOY_HOOKS),
    ]);
    if (!rows.length) return undefined;
    const hook = (await this.get(rows[0].namespace, rows[0].name)) as DeployHook | undefined;
    return hook && hook.metadata.uid === uid && !hook.metadata.deletionTimestamp ? hook : undefined;
  }

  async get(namespace: string, name: string): Promise<DeployHook | undefined> {
    try {
      return (await this.registry.get(DEPLOY_HOOKS, namespace, name)) as DeployHook;
    } catch (e) {
      if (isStatusError(e) && e.code === 404) return undefined;
      throw e;
    }
  }

  /** The `token` key of the hook's Secret, or undefined when the Secret or the key is missing. */
  async signingToken(hook: DeployHook): Promise<Buffer | undefined> {
    let secret;
    try {
      secret = await this.registry.get(SECRETS, hook.metadata.namespace!, hook.spec.secretRef.name);
    } catch (e) {
      if (isStatusError(e) && e.code === 404) return undefined;
      throw e;
    }
    const token = (secret.data as Record<string, unknown> | undefined)?.token;
    return typeof token === 'string' && token ? Buffer.from(token, 'base64') : undefined;
  }
}

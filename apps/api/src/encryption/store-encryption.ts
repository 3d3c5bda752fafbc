import type { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { BodyCodec } from './body-codec';
import { loadKeyRing, type KeySettings } from './key-source';
import { SecretResealer, sealedKeysInUse, type ResealResult } from './secret-resealer';

/**
 * Encryption at rest for one process's store, before it serves: the key ring (checked
 * against the keys stored Secrets name), and every Secret still stored in plaintext —
 * written before encryption was on — sealed in place, in `objects` and the change log.
 */
export async function prepareStoreEncryption(ds: DataSource, settings: KeySettings, logger?: Logger): Promise<{ codec: BodyCodec; sealed: ResealResult }> {
  const { ring, source, created } = loadKeyRing(settings, await sealedKeysInUse(ds));
  if (created) logger?.log(`Secret encryption: made key "${ring.primaryId}" in ${source}; back this file up`);
  const codec = new BodyCodec(ring);
  const sealed = await new SecretResealer(ds, codec).sealPlaintext();
  if (sealed.objects || sealed.changes) {
    logger?.log(`Secret encryption: sealed ${sealed.objects} Secrets and ${sealed.changes} change-log entries stored in plaintext`);
  }
  return { codec, sealed };
}

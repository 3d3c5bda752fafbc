/**
 * A hook is reached at `/hooks/<uid>`: the object's uid is random (a v4 UUID, 122 random
 * bits), so the path cannot be guessed, stays the same for the hook's life, and is found
 * through the store's unique uid. The signature, not the path, is what authenticates.
 */
export const WEBHOOK_PATH_PREFIX = '/hooks/';

const UID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function webhookPath(uid: string): string {
  return WEBHOOK_PATH_PREFIX + uid;
}

/** The hook id of a delivery path segment, or undefined when it cannot name a hook. */
export function hookIdOf(segment: string): string | undefined {
  const id = segment.toLowerCase();
  return UID.test(id) ? id : undefined;
}

/** Whether a request is a delivery: `POST /hooks/<one segment>`, the only route served without a token. */
export function isDeliveryRequest(method: string, path: string): boolean {
  return method === 'POST' && path.startsWith(WEBHOOK_PATH_PREFIX) && /^[A-Za-z0-9-]+$/.test(path.slice(WEBHOOK_PATH_PREFIX.length));
}

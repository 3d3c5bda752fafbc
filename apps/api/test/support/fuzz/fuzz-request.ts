/** Which part of the API a hostile request aims at. */
export type Surface = 'rest' | 'graphql' | 'webhooks' | 'raw';

/** One hostile request, as the runner sends it through `api.call`. */
export interface FuzzRequest {
  surface: Surface;
  /** What the case exercises, shown when it fails. */
  label: string;
  method: string;
  path: string;
  raw?: string | Buffer;
  contentType?: string;
  accept?: string;
  headers?: Record<string, string>;
  /** Left out: the admin's token; null: none. */
  token?: string | null;
  /** A 4xx answer must be a Kubernetes `Status` whose code is the HTTP status. */
  kubeStatus: boolean;
}

/** What already exists in the cluster under fuzz, so updates, patches and deliveries have targets. */
export interface FuzzTargets {
  namespace: string;
  configMap: string;
  deployment: string;
  service: string;
  pod: string;
  /** `/hooks/<uid>` of the hook (the fuzzer leaves the hook and its Secret alone: deliveries need them intact). */
  hookPath: string;
  /** The token the hook's Secret holds: deliveries signed with it pass the signature check. */
  hookToken: string;
}

/** A short, printable picture of a request for failure listings. */
export function describeRequest(r: FuzzRequest): string {
  const body = r.raw === undefined ? '' : ` body(${r.raw.length}${r.contentType !== undefined ? `, ${r.contentType}` : ''})=${JSON.stringify(String(r.raw).slice(0, 160))}`;
  return `[${r.surface}] ${r.label}: ${r.method} ${r.path.slice(0, 240)}${r.path.length > 240 ? `…(${r.path.length})` : ''}${body}`;
}

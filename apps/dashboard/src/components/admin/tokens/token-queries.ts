/** The token operations of the GraphQL API (docs/graphql.md, administration). */
export interface ApiToken {
  id: string;
  name: string;
  user: string;
  createdAt: string;
  expiresAt?: string | null;
  lastUsedAt?: string | null;
  revokedAt?: string | null;
}

export interface IssuedToken {
  token: string;
  info: ApiToken;
}

export const TOKENS = `query Tokens($user: String) { tokens(user: $user) { id name user createdAt expiresAt lastUsedAt revokedAt } }`;
export const CREATE_TOKEN = `mutation CreateToken($name: String!, $expiresInSeconds: Int) { createToken(name: $name, expiresInSeconds: $expiresInSeconds) { token info { id name user createdAt expiresAt lastUsedAt revokedAt } } }`;
export const REVOKE_TOKEN = `mutation RevokeToken($id: String!) { revokeToken(id: $id) }`;
export const KUBECONFIG = `mutation Kubeconfig($namespace: String) { kubeconfig(namespace: $namespace) }`;

const DAY = 24 * 3600;

/** The lifetimes offered for a new token; the API takes 60 s to 10 years, or none. */
export const TOKEN_LIFETIMES: { label: string; seconds: number | null }[] = [
  { label: '1 day', seconds: DAY },
  { label: '7 days', seconds: 7 * DAY },
  { label: '30 days', seconds: 30 * DAY },
  { label: '90 days', seconds: 90 * DAY },
  { label: '1 year', seconds: 365 * DAY },
  { label: 'Never expires', seconds: null },
];

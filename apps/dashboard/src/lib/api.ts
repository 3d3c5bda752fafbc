/** The one HTTP client of the dashboard: same origin as the API, authenticated by the session cookie. */

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly reason?: string,
    readonly causes: { field?: string; message?: string }[] = [],
  ) {
    super(message);
  }
}

async function statusError(res: Response): Promise<ApiError> {
  const body = await res.json().catch(() => undefined);
  return new ApiError(body?.message ?? res.statusText, res.status, body?.reason, body?.details?.causes ?? []);
}

/** A GraphQL operation; the first error becomes an ApiError with its Kubernetes reason and fields. */
export async function gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  if (res.status === 401) throw new ApiError('Unauthorized', 401, 'Unauthorized');
  const body = await res.json();
  const e = body.errors?.[0];
  if (e) throw new ApiError(e.message, Number(e.extensions?.status ?? 400), e.extensions?.code, e.extensions?.causes ?? []);
  return body.data as T;
}

/** A request to the Kubernetes or Skiff REST API. */
export async function rest<T = any>(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': contentType },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  if (!res.ok) throw await statusError(res);
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export interface Session {
  user: string;
  groups: string[];
}

export const session = {
  current: () => rest<Session>('GET', '/skiff/v1/session'),
  login: (name: string, password: string) => rest<Session>('POST', '/skiff/v1/login', { name, password }),
  logout: () => rest('POST', '/skiff/v1/logout', {}),
};

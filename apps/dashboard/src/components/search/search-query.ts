/** What the search box holds: a label selector (`app=web`, `tier!=db`, `env in (a,b)`) or a fragment of a name. */
export interface SearchQuery {
  labelSelector?: string;
  nameFragment?: string;
}

const SELECTOR = /[=!]|\s(in|notin)\s*\(/;

export function parseSearchQuery(q: string): SearchQuery {
  const text = q.trim();
  if (!text) return {};
  return SELECTOR.test(text) ? { labelSelector: text } : { nameFragment: text.toLowerCase() };
}

/** Go's %q for the names and paths RBAC messages quote (kube-apiserver builds them with fmt). */
export function quote(s: string): string {
  return JSON.stringify(s);
}

/** Go's %q applied to a []string: `["a" "b"]`. */
export function quoteList(list: readonly string[]): string {
  return `[${list.map(quote).join(' ')}]`;
}

import YAML from 'yaml';

export interface KubeconfigInput {
  server: string;
  caCert: string;
  token: string;
  user: string;
  namespace?: string;
}

/** A kubeconfig file for kubectl and client libraries: one cluster, one user, one context. */
export function kubeconfigYaml(k: KubeconfigInput): string {
  return YAML.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'skiff', cluster: { server: k.server, 'certificate-authority-data': Buffer.from(k.caCert).toString('base64') } }],
    users: [{ name: k.user, user: { token: k.token } }],
    contexts: [{ name: 'skiff', context: { cluster: 'skiff', user: k.user, namespace: k.namespace ?? 'default' } }],
    'current-context': 'skiff',
  });
}

/** The server, CA and token of a kubeconfig written by kubeconfigYaml (or any one-cluster, token kubeconfig). */
export function readKubeconfig(text: string): { server: string; caCert: string; token: string; user: string } {
  const k = YAML.parse(text);
  const cluster = k?.clusters?.[0]?.cluster ?? {};
  const user = k?.users?.[0];
  if (!cluster.server || !user?.user?.token) throw new Error('the kubeconfig needs a cluster server and a user token');
  const caCert = cluster['certificate-authority-data'] ? Buffer.from(cluster['certificate-authority-data'], 'base64').toString() : '';
  return { server: cluster.server, caCert, token: user.user.token, user: user.name };
}

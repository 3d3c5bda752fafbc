import type { Request, Response } from 'express';
import { Errors, findResourceType, parsePodLogOptions, podLogQuery, type KubeObject } from '@skiff/domain';
import type { KubeletClient } from '../kubelet-client/kubelet-client';
import type { ObjectRegistry } from '../registry/object-registry';

const NODES = findResourceType('', 'v1', 'nodes')!;

/**
 * `GET pods/<name>/log`: the options checked here, the container chosen, then the
 * answer streamed from the agent of the pod's node (as kube-apiserver asks the kubelet).
 */
export async function servePodLog(req: Request, res: Response, registry: ObjectRegistry, kubelet: KubeletClient, pod: KubeObject): Promise<void> {
  const name = pod.metadata.name!;
  const options = parsePodLogOptions(name, req.query as Record<string, string>);
  const spec = pod.spec as { nodeName?: string; containers?: { name: string }[]; initContainers?: { name: string }[] };
  const names = [...(spec.initContainers ?? []), ...(spec.containers ?? [])].map((c) => c.name);
  const container = options.container ?? (names.length === 1 ? names[0] : undefined);
  if (!container) throw Errors.badRequest(`a container name must be specified for pod ${name}, choose one of: [${names.join(' ')}]`);
  if (!names.includes(container)) throw Errors.badRequest(`container ${container} is not valid for pod ${name}`);
  if (!spec.nodeName) throw Errors.badRequest(`pod ${name} does not have a host assigned`);
  const node = await registry.get(NODES, '', spec.nodeName);
  const query = podLogQuery(options);
  const path = `/containerLogs/${[pod.metadata.namespace!, name, container].map(encodeURIComponent).join('/')}${query ? `?${query}` : ''}`;
  const aborted = new AbortController();
  res.once('close', () => aborted.abort());
  await kubelet.stream(node, path, res, aborted.signal);
}

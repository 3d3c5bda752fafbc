/**
 * skiff-agent: the node agent (kubelet side of Skiff).
 *   skiff-agent --server https://127.0.0.1:6443 --token <join or node token> --ca-file ca.crt
 *               [--name NODE] [--runtime process|simulated] [--simulated-nodes N] [--images-dir DIR]
 *               [--state-dir DIR] [--cpu 4] [--memory 8Gi] [--metrics-seconds 15]
 */
import * as fs from 'fs';
import { BACKOFF, parseQuantity } from '@skiff/domain';
import * as os from 'os';
import * as path from 'path';
import { parseArgs } from 'util';
import { Agent } from './agent';
import { ApiClient } from './api-client';
import { AgentEvents } from './events';
import { createAgentLogger } from './observability/agent-logger';
import { ProcessRuntime } from './runtime/process-runtime';
import { startKubeletServer } from './server/kubelet-server';
import type { RuntimeDriver } from './runtime/runtime';
import { SimulatedRuntime } from './runtime/simulated';
import { ServiceProxy } from './proxy/service-proxy';

const logger = createAgentLogger();

function log(msg: string): void {
  logger.info(msg);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      server: { type: 'string', default: 'https://127.0.0.1:6443' },
      token: { type: 'string' },
      'ca-file': { type: 'string' },
      name: { type: 'string', default: os.hostname().toLowerCase() },
      runtime: { type: 'string', default: 'simulated' },
      'simulated-nodes': { type: 'string', default: '1' },
      'start-delay-ms': { type: 'string', default: '0' },
      'lease-renew-seconds': { type: 'string', default: '10' },
      'images-dir': { type: 'string', default: path.resolve('examples/images') },
      'state-dir': { type: 'string' },
      // The first crash back-off (Kubernetes: 10 s); tests make it short.
      'crash-backoff-seconds': { type: 'string', default: '10' },
      // The node's endpoint for logs (the kubelet's 10250), on the node's own address.
      'kubelet-port': { type: 'string', default: '10250' },
      'container-log-max-size': { type: 'string', default: '10Mi' },
      'container-log-max-files': { type: 'string', default: '5' },
      // Stop the pods' processes when the agent stops (npm start: Ctrl-C stops everything).
      // Without it, as a kubelet, they run on and the next agent adopts them.
      'stop-pods-on-exit': { type: 'boolean', default: false },
      // How often resource usage is pushed to the API (kubectl top, dashboard, autoscaler).
      'metrics-seconds': { type: 'string', default: '15' },
      cpu: { type: 'string', default: String(os.cpus().length) },
      memory: { type: 'string', default: `${Math.floor(os.totalmem() / 2 ** 20)}Mi` },
    },
  });
  if (!values.token) throw new Error('--token is required (the join token from <SKIFF_HOME>/join-token, or a node token)');
  if (values.runtime !== 'simulated' && values.runtime !== 'process') throw new Error(`--runtime must be "process" or "simulated", got "${values.runtime}"`);
  const count = values.runtime === 'process' ? 1 : Number(values['simulated-nodes']);
  if (!Number.isInteger(count) || count < 1) throw new Error('--simulated-nodes must be a positive integer');
  if (!(Number(values['metrics-seconds']) > 0)) throw new Error('--metrics-seconds must be a positive number');
  const nodes = count === 1 ? [values.name!] : Array.from({ length: count }, (_, i) => `${values.name}-sim-${i}`);
  const ca = values['ca-file'] ? fs.readFileSync(values['ca-file'], 'utf8') : undefined;
  const api = new ApiClient(values.server!, values.token, ca, Math.min(256, 32 * nodes.length));

  // A join token is exchanged for a node token for exactly these nodes.
  try {
    const joined = await api.call<{ token: string }>('POST', '/skiff/v1/join', { nodes });
    api.useToken(joined.token);
  } catch (e) {
    if ((e as { code?: number }).code !== 403) throw e;
    // Already a node token.
  }
  const events = new AgentEvents(api, nodes[0]);
  const runtime: RuntimeDriver =
    values.runtime === 'process'
      ? new ProcessRuntime(
          values['images-dir']!,
          values['state-dir'] ?? path.resolve(process.env.SKIFF_HOME || '.skiff', 'agent', nodes[0]),
          nodes[0],
          { ...BACKOFF, initialMs: Number(values['crash-backoff-seconds']) * 1000 },
          { maxBytes: parseQuantity(values['container-log-max-size']!), maxFiles: Number(values['container-log-max-files']) },
          (pod, type, reason, message) => events.record(pod, type, reason, message),
        )
      : new SimulatedRuntime(Number(values['start-delay-ms']));
  let proxy: ServiceProxy | undefined;
  const agent = new Agent(api, {
    nodes,
    runtime,
    drain: values.runtime !== 'process' ? undefined : async (ip, maxMs) => {
      const until = Date.now() + maxMs;
      while (proxy?.serves(ip) && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
      // Other nodes' proxies hear of it at about the same time; connections being made finish.
      await new Promise((r) => setTimeout(r, Math.min(200, Math.max(0, until - Date.now()))));
    },
    // The API's client certificate is checked against the cluster CA: without it, no endpoint.
    startEndpoint:
      runtime instanceof ProcessRuntime && ca
        ? (nodeName, host) => startKubeletServer({ nodeName, host, port: Number(values['kubelet-port']), clientCa: ca, logSource: (...a) => runtime.logSource(...a) })
        : undefined,
    resources: { cpu: values.cpu!, memory: values.memory!, pods: '110' },
    leaseRenewMs: Number(values['lease-renew-seconds']) * 1000,
    metrics: { intervalMs: Number(values['metrics-seconds']) * 1000, synthetic: values.runtime === 'simulated' },
    log,
  });
  await agent.start();
  // Simulated pods have no processes to send traffic to: the Service proxy runs with the process runtime.
  proxy = values.runtime === 'process' ? new ServiceProxy(api, agent.hostIPs, { log }) : undefined;
  proxy?.start();
  log(`running ${nodes.length} node(s) against ${values.server}`);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      const stopPods = values['stop-pods-on-exit'] ? runtime.stopAll?.(5) : undefined;
      void Promise.all([agent.stop(), proxy?.stop(), stopPods]).then(() => process.exit(0));
    });
  }
}

main().catch((e) => {
  logger.fatal((e as Error).message);
  process.exit(1);
});

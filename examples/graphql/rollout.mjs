#!/usr/bin/env node
// Sets a Deployment's image over GraphQL and prints its pods' changes until the rollout is done.
//   SKIFF_TOKEN=... node examples/graphql/rollout.mjs <namespace> <deployment> <container> <image>
// SKIFF_URL defaults to https://127.0.0.1:6443 and SKIFF_CA to .skiff/pki/ca.crt.
import { readFileSync } from 'node:fs';
import { Agent, request } from 'undici';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';

const [namespace = 'default', name = 'web', container = 'web', image = 'web:2.0'] = process.argv.slice(2);
const url = process.env.SKIFF_URL ?? 'https://127.0.0.1:6443';
const ca = readFileSync(process.env.SKIFF_CA ?? '.skiff/pki/ca.crt');
const token = process.env.SKIFF_TOKEN;
if (!token) throw new Error('set SKIFF_TOKEN (npm run skiff -- tokens create NAME)');
const dispatcher = new Agent({ connect: { ca } });

/** One GraphQL request; throws with the server's message (and Kubernetes reason) on an error. */
async function graphql(query, variables) {
  const res = await request(`${url}/graphql`, {
    method: 'POST',
    dispatcher,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const answer = await res.body.json();
  if (answer.errors?.length) {
    const e = answer.errors[0];
    throw new Error(`${e.extensions?.code ?? 'error'}: ${e.message}`);
  }
  return answer.data;
}

const before = await graphql(
  `query($ns: String!, $name: String!) { deployment(namespace: $ns, name: $name) { metadata { resourceVersion } spec { selector { matchLabels } } } }`,
  { ns: namespace, name },
);
if (!before.deployment) throw new Error(`deployment ${namespace}/${name} not found`);
const selector = Object.entries(before.deployment.spec.selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(',');

class TrustingWebSocket extends WebSocket {
  constructor(address, protocols) {
    super(address, protocols, { ca });
  }
}
const ws = createClient({ url: `${url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: TrustingWebSocket, connectionParams: { authorization: `Bearer ${token}` } });
const done = new Promise((resolve, reject) => {
  ws.subscribe(
    { query: `subscription($ns: String, $sel: String) { podChanged(namespace: $ns, labelSelector: $sel) { type object { metadata { name } status { phase } spec { containers { image } } } } }`, variables: { ns: namespace, sel: selector } },
    {
      next: ({ data }) => {
        const { type, object } = data.podChanged;
        console.log(`${type.padEnd(8)} ${object.metadata.name.padEnd(40)} ${(object.status?.phase ?? '').padEnd(10)} ${object.spec.containers.map((c) => c.image).join(',')}`);
        if (type === 'MODIFIED' && object.status?.phase === 'Running' && object.spec.containers.some((c) => c.image === image)) resolve();
      },
      error: reject,
      complete: resolve,
    },
  );
});

const set = await graphql(
  `mutation($ns: String, $name: String!, $container: String, $image: String!) { setImage(kind: "Deployment", namespace: $ns, name: $name, container: $container, image: $image) }`,
  { ns: namespace, name, container, image },
);
console.log(`set image ${container}=${image}: resourceVersion ${set.setImage.metadata.resourceVersion}`);
await done;
const { deployment } = await graphql(`query($ns: String!, $name: String!) { deployment(namespace: $ns, name: $name) { rolloutHistory { revision changeCause } } }`, { ns: namespace, name });
for (const r of deployment.rolloutHistory) console.log(`revision ${r.revision}: ${r.changeCause ?? ''}`);
await ws.dispose();
await dispatcher.close();

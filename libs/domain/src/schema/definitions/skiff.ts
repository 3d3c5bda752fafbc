import { Definitions, kindObj, obj, ref, skiffV1alpha1, str, strList, time } from '../dsl';

/** skiff.io/v1alpha1: Skiff's own kinds. */
export const SKIFF_DEFINITIONS: Definitions = {
  [skiffV1alpha1('DeployHook')]: kindObj(
    'A webhook that deploys a new image: a signed POST to status.webhookPath naming a pushed image sets it on a container of a Deployment or StatefulSet, which then rolls out.',
    {
      spec: ref(skiffV1alpha1('DeployHookSpec'), 'What the hook deploys to and how deliveries are checked.'),
      status: ref(skiffV1alpha1('DeployHookStatus'), 'Where to post deliveries and what the last one did. Set by the server.'),
    },
    ['spec'],
  ),
  [skiffV1alpha1('DeployHookSpec')]: obj(
    'What a deploy hook deploys to and how its deliveries are checked.',
    {
      target: ref(skiffV1alpha1('DeployHookTarget'), 'The workload, in the hook\'s namespace, whose container image a delivery sets.'),
      secretRef: ref(skiffV1alpha1('DeployHookSecretRef'), 'The Secret, in the hook\'s namespace, whose key `token` signs deliveries.'),
      tagPatterns: strList('When set, only images whose tag matches one of these globs are deployed, e.g. `v*` or `main-*`.'),
      type: str('The payload format: `generic`, `docker` (Docker Hub or a distribution registry) or `github` (registry_package events). Told from each request when unset.', {
        enum: ['generic', 'docker', 'github'],
      }),
    },
    ['target', 'secretRef'],
  ),
  [skiffV1alpha1('DeployHookTarget')]: obj(
    'A container of a workload.',
    {
      kind: str('`Deployment` or `StatefulSet`.', { enum: ['Deployment', 'StatefulSet'] }),
      name: str('Name of the workload.'),
      container: str('Name of the container; may be left out when the pod template has one container.'),
    },
    ['kind', 'name'],
  ),
  [skiffV1alpha1('DeployHookSecretRef')]: obj('A Secret in the hook\'s namespace.', { name: str('Name of the Secret.') }, ['name']),
  [skiffV1alpha1('DeployHookStatus')]: obj('Where deliveries go and what the last one did.', {
    webhookPath: str('The path to POST deliveries to: `/hooks/<uid>` on the API server.'),
    lastDelivery: ref(skiffV1alpha1('DeployHookLastDelivery'), 'The last signed delivery.'),
  }),
  [skiffV1alpha1('DeployHookLastDelivery')]: obj('One signed delivery and what became of it.', {
    id: str('The delivery id: X-GitHub-Delivery, the payload\'s id, or one the server made.'),
    time: time('When it was received.'),
    outcome: str('`applied`, `unchanged`, `ignored`, `rejected` or `failed`.'),
    image: str('The image it named.'),
    message: str('What happened, in words.'),
  }),
};

import type { KubeObject } from '../meta/types';
import { applyDefaults } from './apply-defaults';
import { podInitialStatus, podQOSClass } from './pod-defaults';
import { imageTag } from './container-defaults';

function defaultedPod(spec: Record<string, unknown>): Record<string, any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec };
  applyDefaults('Pod', pod as unknown as KubeObject);
  return pod;
}

describe('Pod defaults', () => {
  it('fills the spec the way a v1.32 server shows it', () => {
    const pod = defaultedPod({ containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }] }] });
    expect(pod.spec).toEqual({
      containers: [
        {
          name: 'web',
          image: 'nginx',
          imagePullPolicy: 'Always',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
        },
      ],
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
      tolerations: [
        { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
        { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
      ],
    });
  });

  it('keeps explicit values', () => {
    const pod = defaultedPod({
      restartPolicy: 'Never',
      terminationGracePeriodSeconds: 0,
      containers: [{ name: 'c', image: 'busybox:1.36', imagePullPolicy: 'Never' }],
    });
    expect(pod.spec.restartPolicy).toBe('Never');
    expect(pod.spec.terminationGracePeriodSeconds).toBe(0);
    expect(pod.spec.containers[0].imagePullPolicy).toBe('Never');
  });

  it('pulls :latest and untagged images always, others if not present', () => {
    const pull = (image: string) => defaultedPod({ containers: [{ name: 'c', image }] }).spec.containers[0].imagePullPolicy;
    expect(pull('nginx')).toBe('Always');
    expect(pull('nginx:latest')).toBe('Always');
    expect(pull('localhost:5000/team/app')).toBe('Always');
    expect(pull('nginx:1.27')).toBe('IfNotPresent');
    expect(pull('nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef')).toBe('IfNotPresent');
    expect(imageTag('localhost:5000/team/app:v2')).toBe('v2');
  });

  it('defaults probes and their HTTP handlers', () => {
    const pod = defaultedPod({ containers: [{ name: 'c', image: 'i:1', readinessProbe: { httpGet: { port: 8080 } } }] });
    expect(pod.spec.containers[0].readinessProbe).toEqual({
      httpGet: { port: 8080, path: '/', scheme: 'HTTP' },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
  });

  it('sets requests from limits and writes quantities canonically', () => {
    const pod = defaultedPod({ containers: [{ name: 'c', image: 'i:1', resources: { limits: { cpu: 0.5, memory: '1024Mi' }, requests: { cpu: '0.25' } } }] });
    expect(pod.spec.containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '1Gi' }, requests: { cpu: '250m', memory: '1Gi' } });
  });

  it('turns a sourceless volume into an emptyDir and sets file modes', () => {
    const pod = defaultedPod({
      containers: [{ name: 'c', image: 'i:1' }],
      volumes: [{ name: 'scratch' }, { name: 'cfg', configMap: { name: 'cfg' } }],
    });
    expect(pod.spec.volumes).toEqual([
      { name: 'scratch', emptyDir: {} },
      { name: 'cfg', configMap: { name: 'cfg', defaultMode: 420 } },
    ]);
  });

  it('does not add node-problem tolerations the pod already has', () => {
    const pod = defaultedPod({ containers: [{ name: 'c', image: 'i:1' }], tolerations: [{ operator: 'Exists' }] });
    expect(pod.spec.tolerations).toEqual([{ operator: 'Exists' }]);
  });

  it('gives system priority classes their priority', () => {
    const pod = defaultedPod({ containers: [{ name: 'c', image: 'i:1' }], priorityClassName: 'system-node-critical' });
    expect(pod.spec.priority).toBe(2000001000);
  });

  it('copies container ports to host ports on the host network', () => {
    const pod = defaultedPod({ hostNetwork: true, containers: [{ name: 'c', image: 'i:1', ports: [{ containerPort: 9100 }] }] });
    expect(pod.spec.containers[0].ports[0].hostPort).toBe(9100);
  });
});

describe('pod status at creation', () => {
  it('is Pending with the QoS class of its resources', () => {
    const best = defaultedPod({ containers: [{ name: 'c', image: 'i:1' }] });
    expect(podInitialStatus(best)).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
    const guaranteed = defaultedPod({ containers: [{ name: 'c', image: 'i:1', resources: { limits: { cpu: '1', memory: '1Gi' } } }] });
    expect(podQOSClass(guaranteed)).toBe('Guaranteed');
    const burstable = defaultedPod({ containers: [{ name: 'c', image: 'i:1', resources: { requests: { cpu: '100m' } } }] });
    expect(podQOSClass(burstable)).toBe('Burstable');
  });
});

import type { KubeObject } from '../meta/types';
import { applyDefaults } from './apply-defaults';
import { namespaceInitialStatus } from './namespace-defaults';
import { carryOverAllocatedServiceFields } from './service-defaults';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function defaulted(kind: string, obj: Json): Json {
  applyDefaults(kind, obj as KubeObject);
  return obj;
}

describe('Service defaults', () => {
  it('fills a ClusterIP service like the server does', () => {
    const s = defaulted('Service', { metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    expect(s.spec).toEqual({
      selector: { app: 'web' },
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      type: 'ClusterIP',
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
    });
  });

  it('adds externalTrafficPolicy and node port allocation flags where they apply', () => {
    const np = defaulted('Service', { metadata: { name: 'web' }, spec: { type: 'NodePort', ports: [{ port: 80, targetPort: 'http' }] } });
    expect(np.spec.externalTrafficPolicy).toBe('Cluster');
    expect(np.spec.ports[0].targetPort).toBe('http');
    const lb = defaulted('Service', { metadata: { name: 'web' }, spec: { type: 'LoadBalancer', ports: [{ port: 80 }] } });
    expect(lb.spec.allocateLoadBalancerNodePorts).toBe(true);
  });

  it('sets a 3-hour timeout for ClientIP affinity', () => {
    const s = defaulted('Service', { metadata: { name: 'web' }, spec: { sessionAffinity: 'ClientIP', ports: [{ port: 80 }] } });
    expect(s.spec.sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 10800 } });
  });

  it('leaves ExternalName services without IP fields', () => {
    const s = defaulted('Service', { metadata: { name: 'db' }, spec: { type: 'ExternalName', externalName: 'db.example.com' } });
    expect(s.spec).toEqual({ type: 'ExternalName', externalName: 'db.example.com', sessionAffinity: 'None' });
  });

  it('asks for both families on headless services without a selector', () => {
    const s = defaulted('Service', { metadata: { name: 'peers' }, spec: { clusterIP: 'None' } });
    expect(s.spec).toMatchObject({ clusterIPs: ['None'], ipFamilyPolicy: 'RequireDualStack', ipFamilies: ['IPv4', 'IPv6'] });
  });

  it('keeps allocated IPs and node ports on a replace that omits them', () => {
    const stored = { spec: { type: 'NodePort', clusterIP: '10.96.0.9', clusterIPs: ['10.96.0.9'], ports: [{ name: 'http', port: 80, nodePort: 30080 }] } };
    const next: Json = { spec: { type: 'NodePort', ports: [{ name: 'http', port: 81 }] } };
    carryOverAllocatedServiceFields(next, stored);
    expect(next.spec).toEqual({ type: 'NodePort', clusterIP: '10.96.0.9', clusterIPs: ['10.96.0.9'], ports: [{ name: 'http', port: 81, nodePort: 30080 }] });
  });
});

describe('other defaults', () => {
  it('labels a namespace with its name and starts it Active', () => {
    expect(defaulted('Namespace', { metadata: { name: 'team-a' } }).metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'team-a' });
    expect(namespaceInitialStatus()).toEqual({ phase: 'Active' });
  });

  it('defaults a Secret to Opaque', () => {
    expect(defaulted('Secret', { metadata: { name: 's' } }).type).toBe('Opaque');
  });

  it('gives a PVC Filesystem mode and a Pending status', () => {
    const pvc = defaulted('PersistentVolumeClaim', { metadata: { name: 'd' }, spec: { resources: { requests: { storage: '1024Mi' } } } });
    expect(pvc.spec).toEqual({ resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' });
    expect(pvc.status).toEqual({ phase: 'Pending' });
  });

  it('gives an HPA one minimum replica and an 80% CPU target', () => {
    const hpa = defaulted('HorizontalPodAutoscaler', { metadata: { name: 'web' }, spec: { maxReplicas: 5 } });
    expect(hpa.spec).toEqual({
      maxReplicas: 5,
      minReplicas: 1,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
    });
  });

  it('fills HPA behavior only when some is given', () => {
    const hpa = defaulted('HorizontalPodAutoscaler', { metadata: { name: 'web' }, spec: { maxReplicas: 5, behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } } });
    expect(hpa.spec.behavior).toEqual({
      scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
      scaleUp: {
        stabilizationWindowSeconds: 0,
        selectPolicy: 'Max',
        policies: [
          { type: 'Pods', value: 4, periodSeconds: 15 },
          { type: 'Percent', value: 100, periodSeconds: 15 },
        ],
      },
    });
  });

  it('leaves kinds without defaults alone', () => {
    const cm = { metadata: { name: 'c' }, data: { a: 'b' } };
    expect(defaulted('ConfigMap', JSON.parse(JSON.stringify(cm)))).toEqual(cm);
    expect(defaulted('Widget', JSON.parse(JSON.stringify(cm)))).toEqual(cm);
  });
});

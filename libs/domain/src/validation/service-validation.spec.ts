import { clone, service } from './test-fixtures';
import { validateObject, validateObjectUpdate } from './object-validation';

const lines = (causes: { field?: string; message?: string }[]) => causes.map((c) => `${c.field}: ${c.message}`);

describe('Service validation', () => {
  it('accepts a defaulted service', () => {
    expect(validateObject('Service', service() as never)).toEqual([]);
  });

  it('names services with DNS-1035 labels', () => {
    const s = service();
    s.metadata.name = '1web';
    expect(lines(validateObject('Service', s as never))[0]).toMatch(
      /^metadata\.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character/,
    );
  });

  it('requires ports except for headless and ExternalName services', () => {
    const s = service();
    s.spec.ports = [];
    expect(lines(validateObject('Service', s as never))).toEqual(['spec.ports: Required value']);
    expect(validateObject('Service', service({ clusterIP: 'None', ports: [] }) as never)).toEqual([]);
    expect(validateObject('Service', service({ type: 'ExternalName', externalName: 'db.example.com', ports: [], selector: undefined }) as never)).toEqual([]);
  });

  it('requires names on every port when there are several, and unique ones', () => {
    const s = service({ ports: [{ port: 80 }, { name: 'a', port: 81 }, { name: 'a', port: 82 }] });
    expect(lines(validateObject('Service', s as never))).toEqual([
      'spec.ports[0].name: Required value',
      'spec.ports[2].name: Duplicate value: "a"',
    ]);
  });

  it('checks port numbers, protocols and target ports', () => {
    const s = service({ ports: [{ port: 0, protocol: 'HTTP', targetPort: 'HTTP_PORT' }] });
    expect(lines(validateObject('Service', s as never))).toEqual([
      'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
      'spec.ports[0].targetPort: Invalid value: "HTTP_PORT": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'spec.ports[0].targetPort: Invalid value: "HTTP_PORT": must contain at least one letter (a-z)',
    ]);
  });

  it('rejects duplicate ports', () => {
    const s = service({ ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80 }] });
    expect(validateObject('Service', s as never)[0]).toMatchObject({ reason: 'FieldValueDuplicate', field: 'spec.ports[1]' });
  });

  it('rejects unknown types', () => {
    const s = service({ type: 'Internal' });
    expect(lines(validateObject('Service', s as never))).toContain(
      'spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    );
  });

  it('checks node ports: only for NodePort/LoadBalancer, in range', () => {
    const cluster = service({ ports: [{ port: 80, nodePort: 30080 }] });
    expect(lines(validateObject('Service', cluster as never))).toEqual([
      "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    ]);
    const np = service({ type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] });
    expect(lines(validateObject('Service', np as never))).toEqual([
      'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    ]);
    expect(validateObject('Service', service({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }) as never)).toEqual([]);
  });

  it('forbids headless NodePort services', () => {
    const s = service({ type: 'NodePort', clusterIP: 'None' });
    expect(lines(validateObject('Service', s as never))).toEqual([
      `spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for NodePort services`,
    ]);
  });

  it('requires a valid externalName for ExternalName services', () => {
    const s = service({ type: 'ExternalName', externalName: 'Not A Host' });
    expect(validateObject('Service', s as never).map((c) => c.field)).toEqual(['spec.externalName']);
  });

  it('keeps the cluster IP on update', () => {
    const old = service({ clusterIP: '10.96.0.10' });
    const next = clone(old);
    next.spec.clusterIP = '10.96.0.11';
    next.spec.clusterIPs = ['10.96.0.11'];
    expect(lines(validateObjectUpdate('Service', next as never, old as never))).toEqual([
      'spec.clusterIPs[0]: Invalid value: []string{"10.96.0.11"}: may not change once set',
    ]);
  });

  it('allows changing ports and selector on update', () => {
    const old = service({ clusterIP: '10.96.0.10' });
    const next = clone(old);
    next.spec.ports[0].port = 8080;
    next.spec.selector = { app: 'api' };
    expect(validateObjectUpdate('Service', next as never, old as never)).toEqual([]);
  });
});

import { pod } from './test-fixtures';
import { validateObject } from './object-validation';

const lines = (causes: { field?: string; message?: string }[]) => causes.map((c) => `${c.field}: ${c.message}`);

describe('container validation', () => {
  it('lets only sidecar init containers have probes', () => {
    const p = pod();
    p.spec.initContainers = [
      { name: 'init', image: 'busybox:1', imagePullPolicy: 'IfNotPresent', terminationMessagePolicy: 'File', readinessProbe: { exec: { command: ['true'] } } },
      {
        name: 'proxy',
        image: 'envoy:1',
        imagePullPolicy: 'IfNotPresent',
        terminationMessagePolicy: 'File',
        restartPolicy: 'Always',
        readinessProbe: { exec: { command: ['true'] }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
      },
    ];
    expect(lines(validateObject('Pod', p as never))).toEqual([
      'spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
    ]);
  });

  it('rejects init containers named like app containers', () => {
    const p = pod();
    p.spec.initContainers = [{ name: 'web', image: 'busybox:1', imagePullPolicy: 'IfNotPresent', terminationMessagePolicy: 'File' }];
    expect(lines(validateObject('Pod', p as never))).toEqual(['spec.initContainers[0].name: Duplicate value: "web"']);
  });

  it('forbids restartPolicy on app containers', () => {
    const p = pod();
    p.spec.containers[0].restartPolicy = 'Always';
    expect(lines(validateObject('Pod', p as never))).toEqual(['spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers']);
  });

  it('refuses two containers on one host port', () => {
    const p = pod();
    p.spec.containers[0].ports = [{ containerPort: 80, hostPort: 8080, protocol: 'TCP' }];
    p.spec.containers.push({ ...JSON.parse(JSON.stringify(p.spec.containers[0])), name: 'b' });
    expect(lines(validateObject('Pod', p as never))).toEqual(['spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"']);
  });

  it('requires envFrom to name a ConfigMap or Secret', () => {
    const p = pod();
    p.spec.containers[0].envFrom = [{ prefix: 'APP_' }, { configMapRef: { name: 'cfg' } }];
    expect(lines(validateObject('Pod', p as never))).toEqual([
      'spec.containers[0].envFrom: Invalid value: "": must specify one of: `configMapRef` or `secretRef`',
    ]);
  });

  it('checks sleep hooks against the grace period', () => {
    const p = pod();
    p.spec.containers[0].lifecycle = { preStop: { sleep: { seconds: 60 } } };
    expect(lines(validateObject('Pod', p as never))).toEqual([
      'spec.containers[0].lifecycle.preStop.sleep: Invalid value: 60: must be greater than 0 and less than terminationGracePeriodSeconds (30)',
    ]);
  });
});

describe('volume validation', () => {
  it('requires the fields each source needs', () => {
    const p = pod();
    p.spec.volumes = [
      { name: 'a', configMap: { defaultMode: 420 } },
      { name: 'b', secret: { secretName: 's', defaultMode: 0o1777 } },
      { name: 'c', persistentVolumeClaim: {} },
      { name: 'd', hostPath: { path: '/var/../etc', type: '' } },
    ];
    expect(lines(validateObject('Pod', p as never))).toEqual([
      'spec.volumes[0].configMap.name: Required value',
      'spec.volumes[1].secret.defaultMode: Invalid value: 1023: must be a number between 0 and 0777 (octal), both inclusive',
      'spec.volumes[2].persistentVolumeClaim.claimName: Required value',
      `spec.volumes[3].hostPath.path: Invalid value: "/var/../etc": must not contain '..'`,
    ]);
  });

  it('requires unique mount paths', () => {
    const p = pod();
    p.spec.volumes = [{ name: 'a', emptyDir: {} }, { name: 'b', emptyDir: {} }];
    p.spec.containers[0].volumeMounts = [{ name: 'a', mountPath: '/data' }, { name: 'b', mountPath: '/data' }];
    expect(lines(validateObject('Pod', p as never))).toEqual(['spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/data": must be unique']);
  });
});

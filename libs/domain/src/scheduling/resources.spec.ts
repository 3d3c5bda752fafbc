import { DEFAULT_MEMORY_REQUEST, DEFAULT_MILLI_CPU_REQUEST, podRequests, quantityValue } from './resources';
import { makePod } from './test-fixtures';

describe('podRequests', () => {
  it('sums the requests of the containers', () => {
    const pod = makePod('p', {
      containers: [
        { name: 'a', resources: { requests: { cpu: '250m', memory: '64Mi' } } },
        { name: 'b', resources: { requests: { cpu: '0.5', memory: '1Gi' } } },
      ],
    });
    expect(podRequests(pod)).toEqual({ milliCPU: 750, memory: 64 * 2 ** 20 + 2 ** 30, ephemeralStorage: 0 });
  });

  it('raises the sum to the largest init container (effective requests)', () => {
    const pod = makePod('p', {
      containers: [{ name: 'app', resources: { requests: { cpu: '100m', memory: '100Mi' } } }],
      initContainers: [
        { name: 'migrate', resources: { requests: { cpu: '2', memory: '10Mi' } } },
        { name: 'warm', resources: { requests: { cpu: '50m', memory: '1Gi' } } },
      ],
    });
    expect(podRequests(pod)).toEqual({ milliCPU: 2000, memory: 2 ** 30, ephemeralStorage: 0 });
  });

  it('adds sidecars to the sum and to every later init container', () => {
    const pod = makePod('p', {
      containers: [{ name: 'app', resources: { requests: { cpu: '100m' } } }],
      initContainers: [
        { name: 'proxy', restartPolicy: 'Always', resources: { requests: { cpu: '200m' } } },
        { name: 'setup', resources: { requests: { cpu: '500m' } } },
      ],
    });
    // Containers + sidecar = 300m; setup runs beside the sidecar: 700m.
    expect(podRequests(pod).milliCPU).toBe(700);
  });

  it('counts a pod without requests as 0, or as 100m/200Mi per container when scoring', () => {
    const pod = makePod('p', { containers: [{ name: 'a' }, { name: 'b', resources: { requests: { cpu: '0' } } }] });
    expect(podRequests(pod)).toEqual({ milliCPU: 0, memory: 0, ephemeralStorage: 0 });
    expect(podRequests(pod, { nonMissing: true })).toEqual({
      milliCPU: DEFAULT_MILLI_CPU_REQUEST, // an explicit 0 stays 0
      memory: 2 * DEFAULT_MEMORY_REQUEST,
      ephemeralStorage: 0,
    });
  });

  it('adds pod overhead and keeps extended resources', () => {
    const pod = makePod('p', { containers: [{ name: 'a', resources: { requests: { cpu: '1', 'example.com/gpu': '2' } } }] });
    pod.spec!.overhead = { cpu: '250m' };
    expect(podRequests(pod)).toEqual({ milliCPU: 1250, memory: 0, ephemeralStorage: 0, scalar: { 'example.com/gpu': 2 } });
  });

  it('reads quantities as Quantity.Value() does, rounding up', () => {
    expect(quantityValue('1Gi')).toBe(2 ** 30);
    expect(quantityValue('1500m')).toBe(2);
    expect(quantityValue('1e3')).toBe(1000);
    expect(quantityValue('bogus')).toBe(0);
  });
});

import { StatusError } from '../errors/status-error';
import { resourceTypeNamed, typesOfKinds } from './kind-lookup';

describe('resourceTypeNamed', () => {
  const scalable = typesOfKinds('Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController');

  it('accepts the names kubectl accepts', () => {
    for (const name of ['Deployment', 'deployment', 'deployments', 'deploy', 'deployments.apps', 'Deployment.apps']) {
      expect(resourceTypeNamed(name, scalable).kind).toBe('Deployment');
    }
    expect(resourceTypeNamed('rc', scalable).kind).toBe('ReplicationController');
  });

  it('refuses unknown and unsupported kinds on the kind field', () => {
    for (const name of ['Widget', 'ConfigMap', 'deployments.extensions']) {
      let err: unknown;
      try {
        resourceTypeNamed(name, scalable);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(StatusError);
      expect((err as StatusError).details?.causes?.[0].field).toBe('kind');
      expect((err as StatusError).message).toContain('"Deployment", "ReplicaSet", "StatefulSet", "ReplicationController"');
    }
  });
});

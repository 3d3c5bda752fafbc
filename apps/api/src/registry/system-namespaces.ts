import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { RESOURCE_TYPES } from '@skiff/domain';
import { ObjectRegistry } from './object-registry';
import { internalContext } from './request-context';

/** The namespaces a fresh cluster has, as on Kubernetes. */
export const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

@Injectable()
export class SystemNamespaces implements OnApplicationBootstrap {
  constructor(@Inject(ObjectRegistry) private readonly registry: ObjectRegistry) {}

  async onApplicationBootstrap(): Promise<void> {
    const namespaces = RESOURCE_TYPES.find((t) => t.kind === 'Namespace')!;
    for (const name of SYSTEM_NAMESPACES) {
      await this.registry.create(namespaces, '', { metadata: { name } }, internalContext()).catch((e) => {
        if ((e as { code?: number }).code !== 409) throw e;
      });
    }
  }
}

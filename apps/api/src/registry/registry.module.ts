import { Global, Module } from '@nestjs/common';
import { SKIFF_CONFIG, type SkiffConfig } from '../config/skiff-config';
import { StoreRuntime } from '../store/store-runtime';
import { ObjectRegistry } from './object-registry';
import { RbacDefaults } from './rbac-defaults';
import { SystemNamespaces } from './system-namespaces';

@Global()
@Module({
  providers: [
    {
      provide: ObjectRegistry,
      inject: [StoreRuntime, SKIFF_CONFIG],
      useFactory: (rt: StoreRuntime, config: SkiffConfig) =>
        new ObjectRegistry(rt.store, {
          serviceCidr: config.serviceCidr,
          nodePortRange: config.nodePortRange,
          podCidr: config.podCidr,
          nodeCidrMaskSize: config.nodeCidrMaskSize,
          usedClaims: async (prefix) => {
            const rows: { claim: string }[] = await rt.ds.query(`SELECT claim FROM claims WHERE claim LIKE $1`, [`${prefix}%`]);
            return new Set(rows.map((r) => r.claim));
          },
        }),
    },
    SystemNamespaces,
    RbacDefaults,
  ],
  exports: [ObjectRegistry, RbacDefaults],
})
export class RegistryModule {}

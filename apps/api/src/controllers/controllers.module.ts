import { Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { findResourceType, findResourceTypeByGroupResource } from '@skiff/domain';
import { SKIFF_CONFIG, type SkiffConfig } from '../config/skiff-config';
import { ObjectRegistry } from '../registry/object-registry';
import { ObjectCache } from '../store/object-cache';
import { StoreRuntime } from '../store/store-runtime';
import { DaemonSetController } from './daemon-set/daemon-set-controller';
import { DeploymentController } from './deployment/deployment-controller';
import { EndpointsController } from './endpoints/endpoints-controller';
import { GarbageCollector } from './garbage-collector/garbage-collector';
import { EventRecorder } from '../events/event-recorder';
import { MetricsStore } from '../metrics/metrics-store';
import { MetricsModule } from '../metrics/metrics.module';
import { HpaController } from './autoscaler/hpa-controller';
import { NamespaceController } from './namespace/namespace-controller';
import { NodeLifecycleController } from './node-lifecycle/node-lifecycle-controller';
import { ReplicaSetController } from './replica-set/replica-set-controller';
import { ControllerRuntime } from './runtime/controller-runtime';
import { StatefulSetController } from './stateful-set/stateful-set-controller';

/** What the controllers read from memory (ObjectCache); the garbage collector and the namespace cleanup read every kind from the store. */
const CACHED = [
  'pods',
  'nodes',
  'services',
  'endpoints',
  'namespaces',
  'persistentvolumeclaims',
  'replicationcontrollers',
  'replicasets.apps',
  'deployments.apps',
  'statefulsets.apps',
  'daemonsets.apps',
  'controllerrevisions.apps',
  'leases.coordination.k8s.io',
  'horizontalpodautoscalers.autoscaling',
];

/** The controllers role (SKIFF_ROLES): kube-controller-manager's controllers on the BullMQ runtime. */
@Module({ imports: [MetricsModule] })
export class ControllersModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private runtime?: ControllerRuntime;
  private cache?: ObjectCache;
  private readonly logger = new Logger('controllers');

  constructor(
    @Inject(SKIFF_CONFIG) private readonly config: SkiffConfig,
    @Inject(ObjectRegistry) private readonly registry: ObjectRegistry,
    @Inject(StoreRuntime) private readonly rt: StoreRuntime,
    @Inject(MetricsStore) private readonly metrics: MetricsStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.roles.has('controllers')) return;
    const { registry } = this;
    const { store: db, hub } = this.rt;
    const store = (this.cache = new ObjectCache(db, hub, CACHED.map((r) => findResourceTypeByGroupResource(r)!), (m) => this.logger.warn(m)));
    await store.start();
    const lifecycle = { graceMs: this.config.nodeMonitorGraceMs, evictionMs: this.config.podEvictionTimeoutMs };
    const controllers = [
      new NamespaceController(registry, store),
      new EndpointsController(registry, store),
      new GarbageCollector(registry, store, db),
      new NodeLifecycleController(registry, store, new EventRecorder(registry, 'node-controller'), lifecycle),
      new ReplicaSetController(findResourceType('apps', 'v1', 'replicasets')!, registry, store, new EventRecorder(registry, 'replicaset-controller')),
      new ReplicaSetController(findResourceType('', 'v1', 'replicationcontrollers')!, registry, store, new EventRecorder(registry, 'replication-controller')),
      new DeploymentController(registry, store, new EventRecorder(registry, 'deployment-controller')),
      new StatefulSetController(registry, store, new EventRecorder(registry, 'statefulset-controller')),
      new DaemonSetController(registry, store, new EventRecorder(registry, 'daemonset-controller')),
      new HpaController(registry, store, this.metrics, new EventRecorder(registry, 'horizontal-pod-autoscaler'), this.config.hpaSyncMs),
    ];
    this.runtime = new ControllerRuntime(db, hub, controllers, { redisUrl: this.config.redisUrl, prefix: this.config.redisPrefix, cache: store });
    await this.runtime.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runtime?.stop();
    this.cache?.stop();
  }
}

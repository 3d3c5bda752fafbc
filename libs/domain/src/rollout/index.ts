export * from './rollout-history';
export * from './change-cause';
export * from './workload-kinds';
export * from './workload-template';
export * from './set-image';
export * from './restart';
export * from './rollback';

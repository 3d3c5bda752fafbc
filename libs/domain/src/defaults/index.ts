export { applyDefaults } from './apply-defaults';
export { namespaceInitialStatus, NAMESPACE_NAME_LABEL } from './namespace-defaults';
export { podInitialStatus, podQOSClass, DEFAULT_NOT_READY_TOLERATION_SECONDS } from './pod-defaults';
export { carryOverAllocatedServiceFields } from './service-defaults';
export { imageTag } from './container-defaults';

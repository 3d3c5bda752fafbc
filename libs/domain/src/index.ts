export * from './meta/types';
export * from './errors/status-error';
export * from './resources/registry';
export * from './lifecycle/object-lifecycle';
export * from './request/request-info';
export * from './discovery/discovery-documents';
export * from './kinds';
export * from './selectors';
export * from './patch';
export * from './schema';
export * from './openapi';
export * from './validation';
export * from './defaults';
export * from './tables';
// Defined by both kinds and selectors: one source.
export type { LabelSelector } from './kinds';
export * from './protobuf';
export * from './subresources/scale';
export * from './lifecycle/namespace-lifecycle';

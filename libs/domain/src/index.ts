export * from './meta/types';
export * from './errors/status-error';
export * from './resources/registry';

export * from './types';
export * from './webhook-path';
export * from './image-reference';
export * from './tag-patterns';
export * from './payloads';
export * from './delivery-plan';
export * from './change-cause';
export * from './deploy-hook-status';

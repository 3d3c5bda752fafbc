export * from './json-patch';
export * from './merge-patch';
export * from './patch-meta';
export * from './strategic-merge-patch';
export { patchBadRequest, patchUnprocessable } from './patch-errors';
export * from './apply-patch';

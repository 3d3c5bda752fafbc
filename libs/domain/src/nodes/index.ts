export * from './node-lifecycle';

export * from './audit-policy';

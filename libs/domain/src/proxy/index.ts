export * from './service-proxy-table';
export * from './round-robin';

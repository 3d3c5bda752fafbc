export * from './metrics-report';
export * from './resource-metrics';
export * from './proc-usage';
export * from './metrics-table';

export * from './endpoints-for-service';

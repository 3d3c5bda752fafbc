export * from './field-error';
export * from './label-requirement';
export * from './label-selector';
export * from './label-selector-object';
export * from './field-selector';
export * from './field-labels';

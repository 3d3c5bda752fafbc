export { validateObject, validateObjectUpdate } from './object-validation';
export {
  parseQuantity,
  tryParseQuantity,
  parseQuantityMilli,
  compareQuantities,
  canonicalQuantity,
  isQuantity,
  QUANTITY_FORMAT_ERROR,
} from './quantity';
export {
  isDNS1123Label,
  isDNS1123Subdomain,
  isDNS1035Label,
  isQualifiedName,
  isValidLabelValue,
  isConfigMapKey,
  isValidPortName,
  isValidIP,
} from './name-rules';
export { FieldPath } from './field-path';
export { FieldErrors } from './field-errors';
export { NODE_PORT_RANGE } from './service-validation';

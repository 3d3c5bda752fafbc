import { Errors, StatusError } from '../errors/status-error';
import { goTypeName, goValue, type JsonMap } from './json-value';

/**
 * How the API server's patch handler answers each kind of patch failure
 * (apiserver endpoints/handlers/patch.go). All patch code reports through these.
 */

/** The body is not a patch at all (undecodable, wrong JSON shape): 400 BadRequest. */
export function patchBadRequest(message: string): StatusError {
  return Errors.badRequest(message);
}

/**
 * A well-formed patch that cannot be applied (failed `test`, missing path, list of
 * lists): 422 with the generic text the server uses; it does not pass on the cause.
 */
export function patchUnprocessable(cause?: unknown): StatusError {
  const err = new StatusError(422, 'Invalid', 'the server rejected our request due to an error in our request', {});
  if (cause !== undefined) err.cause = cause;
  return err;
}

/**
 * Strategic-merge failures the server does not classify (a list item without its
 * merge key, an unknown `$patch` value, ...): it passes the raw error through, which
 * clients see as a 500 with no reason and the error text as message.
 */
export function patchUnclassified(message: string): StatusError {
  // kube-apiserver answers these with a bare 500; Skiff never answers bad input with a 5xx.
  return new StatusError(422, 'Invalid', message);
}

/** The patched document is no object, so it cannot decode into one: 422 naming `patch`. */
export function patchResultNotObject(result: unknown): StatusError {
  return Errors.invalid('', '', '', [
    {
      reason: 'FieldValueInvalid',
      field: 'patch',
      message: `Invalid value: ${JSON.stringify(JSON.stringify(result))}: the patched document is not a JSON object`,
    },
  ]);
}

// Errors of apimachinery's mergepatch package, with its wording.
export const SMP = {
  badPatchFormatForPrimitiveList: () => patchBadRequest('invalid patch format of primitive list'),
  badPatchFormatForRetainKeys: () => patchBadRequest('invalid patch format of retainKeys'),
  badPatchFormatForSetElementOrderList: () => patchBadRequest('invalid patch format of setElementOrder list'),
  noListOfLists: () => patchUnprocessable(new Error('lists of lists are not supported')),
  noMergeKey: (m: JsonMap, key: string) => patchUnclassified(`map: ${goValue(m)} does not contain declared merge key: ${key}`),
  badArgType: (expected: string, actual: unknown) =>
    patchUnclassified(`expected a ${expected}, but received a ${goTypeName(actual)}`),
  badPatchType: (directive: unknown, m: JsonMap) =>
    patchUnclassified(`unknown patch type: ${goValue(directive)} in map: ${goValue(m)}`),
};

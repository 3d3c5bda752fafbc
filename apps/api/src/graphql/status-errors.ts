import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { isStatusError } from '@skiff/domain';
import { isStoreUnavailable, storeUnavailable } from '../store/store-unavailable';

/**
 * A GraphQL error as a Kubernetes client would want it: a failure from the registry or
 * the authorizer keeps its Status reason (`Forbidden`, `NotFound`, `Invalid`, ...) as the
 * error code, its HTTP code, and the fields its causes name.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const unwrapped = unwrapResolverError(error);
  const original = isStoreUnavailable(unwrapped) ? storeUnavailable() : unwrapped;
  if (!isStatusError(original)) return withClientCode(formatted, original);
  const status = original.toStatus();
  return {
    ...formatted,
    message: status.message ?? formatted.message,
    extensions: {
      code: status.reason,
      status: status.code,
      ...(status.details?.causes?.length ? { causes: status.details.causes } : {}),
      ...(status.details?.name ? { name: status.details.name } : {}),
      ...(status.details?.kind ? { kind: status.details.kind } : {}),
    },
  };
}

/**
 * Apollo's own refusals of a bad request (a persisted query whose hash does not match, an
 * unknown persisted query version) carry HTTP 400 but no code, which Apollo reports as
 * INTERNAL_SERVER_ERROR: a client must not take them for the server's fault.
 */
function withClientCode(formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError {
  const status = (original as { extensions?: { http?: { status?: unknown } } } | undefined)?.extensions?.http?.status;
  if (formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR' || typeof status !== 'number' || status < 400 || status >= 500) return formatted;
  return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_REQUEST' } };
}

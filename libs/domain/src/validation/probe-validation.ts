import type { StatusCause } from '../meta/types';
import { forbidden, invalid, notSupported, required, validateNonnegativeField } from './field-errors';
import type { FieldPath } from './field-path';
import { asArray, asNumber, asRecord, asString, isRecord } from './json-access';
import { isHTTPHeaderName, isValidPortName, isValidPortNum } from './name-rules';

/** A port given as a number (range) or a name (IANA service name). */
export function validatePortNumOrName(port: unknown, path: FieldPath): StatusCause[] {
  if (typeof port === 'number') return isValidPortNum(port).map((msg) => invalid(path, port, msg));
  if (typeof port === 'string') return isValidPortName(port).map((msg) => invalid(path, port, msg));
  return isValidPortNum(0).map((msg) => invalid(path, 0, msg));
}

type HandlerKind = 'exec' | 'httpGet' | 'tcpSocket' | 'grpc' | 'sleep';

function validateHandlerAction(kind: HandlerKind, action: Record<string, unknown>, path: FieldPath, gracePeriod: number | undefined): StatusCause[] {
  switch (kind) {
    case 'exec':
      return asArray(action.command).length === 0 ? [required(path.child('command'))] : [];
    case 'httpGet': {
      const errs: StatusCause[] = [];
      if (!asString(action.path)) errs.push(required(path.child('path')));
      errs.push(...validatePortNumOrName(action.port, path.child('port')));
      const scheme = asString(action.scheme);
      if (scheme !== 'HTTP' && scheme !== 'HTTPS') errs.push(notSupported(path.child('scheme'), scheme, ['HTTP', 'HTTPS']));
      for (const h of asArray(action.httpHeaders)) {
        const name = asString(asRecord(h).name);
        for (const msg of isHTTPHeaderName(name)) errs.push(invalid(path.child('httpHeaders'), name, msg));
      }
      return errs;
    }
    case 'tcpSocket':
      return validatePortNumOrName(action.port, path.child('port'));
    case 'grpc':
      return validatePortNumOrName(asNumber(action.port) ?? 0, path.child('port'));
    case 'sleep': {
      const seconds = asNumber(action.seconds) ?? 0;
      if (gracePeriod !== undefined && (seconds <= 0 || seconds > gracePeriod)) {
        return [invalid(path, seconds, `must be greater than 0 and less than terminationGracePeriodSeconds (${gracePeriod})`)];
      }
      return [];
    }
  }
}

/** Exactly one action: exec, httpGet, tcpSocket, grpc (probes) or sleep (lifecycle). */
function validateHandler(handler: Record<string, unknown>, kinds: readonly HandlerKind[], path: FieldPath, gracePeriod: number | undefined): StatusCause[] {
  const errs: StatusCause[] = [];
  let count = 0;
  for (const kind of kinds) {
    const action = handler[kind];
    if (!isRecord(action)) continue;
    if (count > 0) {
      errs.push(forbidden(path.child(kind), 'may not specify more than 1 handler type'));
      continue;
    }
    count++;
    errs.push(...validateHandlerAction(kind, action, path.child(kind), gracePeriod));
  }
  if (count === 0) errs.push(required(path, 'must specify a handler type'));
  return errs;
}

const PROBE_HANDLERS: readonly HandlerKind[] = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
const LIFECYCLE_HANDLERS: readonly HandlerKind[] = ['exec', 'httpGet', 'tcpSocket', 'sleep'];

function validateProbe(probe: Record<string, unknown>, path: FieldPath, gracePeriod: number | undefined): StatusCause[] {
  const errs = validateHandler(probe, PROBE_HANDLERS, path, gracePeriod);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    errs.push(...validateNonnegativeField(asNumber(probe[f]) ?? 0, path.child(f)));
  }
  const tgps = asNumber(probe.terminationGracePeriodSeconds);
  if (tgps !== undefined && tgps <= 0) errs.push(invalid(path.child('terminationGracePeriodSeconds'), tgps, 'must be greater than 0'));
  return errs;
}

export type ProbeKind = 'livenessProbe' | 'readinessProbe' | 'startupProbe';

export function validateContainerProbe(kind: ProbeKind, probe: unknown, path: FieldPath, gracePeriod: number | undefined): StatusCause[] {
  if (!isRecord(probe)) return [];
  const errs = validateProbe(probe, path, gracePeriod);
  const success = asNumber(probe.successThreshold) ?? 0;
  if (kind !== 'readinessProbe' && success !== 1) errs.push(invalid(path.child('successThreshold'), success, 'must be 1'));
  const tgps = asNumber(probe.terminationGracePeriodSeconds);
  if (kind === 'readinessProbe' && tgps !== undefined) {
    errs.push(invalid(path.child('terminationGracePeriodSeconds'), tgps, 'must not be set for readinessProbes'));
  }
  return errs;
}

export function validateLifecycle(lifecycle: unknown, path: FieldPath, gracePeriod: number | undefined): StatusCause[] {
  const l = asRecord(lifecycle);
  const errs: StatusCause[] = [];
  for (const hook of ['postStart', 'preStop']) {
    if (isRecord(l[hook])) errs.push(...validateHandler(l[hook] as Record<string, unknown>, LIFECYCLE_HANDLERS, path.child(hook), gracePeriod));
  }
  return errs;
}

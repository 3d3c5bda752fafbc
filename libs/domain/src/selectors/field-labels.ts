import { Errors } from '../errors/status-error';
import type { KubeObject } from '../meta/types';
import {
  fieldRequirementsMatch,
  parseFieldSelector,
  type FieldRequirement,
  type FieldSet,
} from './field-selector';

/**
 * The field labels each kind can be selected by, and how each reads from a stored
 * (v1) object: the union of the API server's field label conversion functions
 * (which labels are accepted) and each registry's selectable fields (their values).
 */
type FieldReader = (obj: KubeObject) => string;

interface KindFieldLabels {
  readers: Readonly<Record<string, FieldReader>>;
  /** Old spellings still accepted and rewritten (`spec.host` on Pods). */
  aliases?: Readonly<Record<string, string>>;
  /**
   * Kinds with their own conversion function reject other labels with
   * "field label not supported"; the rest use apimachinery's default message.
   */
  customConversion: boolean;
}

function at(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** Strings as they are, booleans and numbers as Go prints them, anything missing as ''. */
function text(value: unknown, missing = ''): string {
  if (value === undefined || value === null) return missing;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return missing;
}

const read = (path: string, missing = ''): FieldReader => (obj) => text(at(obj, path), missing);

const name: FieldReader = read('metadata.name');
const namespace: FieldReader = read('metadata.namespace');

function podIP(obj: KubeObject): string {
  const single = text(at(obj, 'status.podIP'));
  if (single) return single;
  const ips = at(obj, 'status.podIPs');
  return Array.isArray(ips) && ips.length > 0 ? text(at(ips[0], 'ip')) : '';
}

/** The legacy `source.component`, or the reporting controller of events that only have that. */
function eventSource(obj: KubeObject): string {
  return text(at(obj, 'source.component')) || text(at(obj, 'reportingComponent'));
}

const DEFAULT_LABELS: KindFieldLabels = {
  readers: { 'metadata.name': name, 'metadata.namespace': namespace },
  customConversion: false,
};

const KIND_LABELS: Readonly<Record<string, KindFieldLabels>> = {
  Pod: {
    readers: {
      'metadata.name': name,
      'metadata.namespace': namespace,
      'spec.nodeName': read('spec.nodeName'),
      'spec.restartPolicy': read('spec.restartPolicy'),
      'spec.schedulerName': read('spec.schedulerName'),
      'spec.serviceAccountName': read('spec.serviceAccountName'),
      'spec.hostNetwork': read('spec.hostNetwork', 'false'),
      'status.phase': read('status.phase'),
      'status.podIP': podIP,
      // Accepted by the conversion but never filled in by the registry: always ''.
      'status.podIPs': () => '',
      'status.nominatedNodeName': read('status.nominatedNodeName'),
    },
    aliases: { 'spec.host': 'spec.nodeName' },
    customConversion: true,
  },
  Node: {
    readers: { 'metadata.name': name, 'spec.unschedulable': read('spec.unschedulable', 'false') },
    customConversion: true,
  },
  Namespace: {
    readers: { 'metadata.name': name, 'status.phase': read('status.phase') },
    customConversion: true,
  },
  ReplicationController: {
    readers: { 'metadata.name': name, 'metadata.namespace': namespace, 'status.replicas': read('status.replicas', '0') },
    customConversion: true,
  },
  Event: {
    readers: {
      'metadata.name': name,
      'metadata.namespace': namespace,
      'involvedObject.kind': read('involvedObject.kind'),
      'involvedObject.namespace': read('involvedObject.namespace'),
      'involvedObject.name': read('involvedObject.name'),
      'involvedObject.uid': read('involvedObject.uid'),
      'involvedObject.apiVersion': read('involvedObject.apiVersion'),
      'involvedObject.resourceVersion': read('involvedObject.resourceVersion'),
      'involvedObject.fieldPath': read('involvedObject.fieldPath'),
      reason: read('reason'),
      reportingComponent: read('reportingComponent'),
      source: eventSource,
      type: read('type'),
    },
    customConversion: true,
  },
  Secret: {
    readers: { 'metadata.name': name, 'metadata.namespace': namespace, type: read('type') },
    customConversion: true,
  },
  Service: {
    readers: {
      'metadata.name': name,
      'metadata.namespace': namespace,
      'spec.clusterIP': read('spec.clusterIP'),
      'spec.type': read('spec.type'),
    },
    customConversion: true,
  },
};

function labelsOf(kind: string): KindFieldLabels {
  return Object.prototype.hasOwnProperty.call(KIND_LABELS, kind) ? KIND_LABELS[kind] : DEFAULT_LABELS;
}

function has(record: Readonly<Record<string, unknown>> | undefined, key: string): boolean {
  return record !== undefined && Object.prototype.hasOwnProperty.call(record, key);
}

/** The field labels `kind` accepts in a fieldSelector (aliases not included). */
export function supportedFieldLabels(kind: string): string[] {
  return Object.keys(labelsOf(kind).readers);
}

/**
 * Checks each requirement's field against what `kind` supports, rewriting legacy
 * aliases; an unsupported field is the real server's 400 BadRequest.
 */
export function convertFieldSelector(kind: string, requirements: readonly FieldRequirement[]): FieldRequirement[] {
  const spec = labelsOf(kind);
  return requirements.map((r) => {
    const field = has(spec.aliases, r.field) ? (spec.aliases as Record<string, string>)[r.field] : r.field;
    if (has(spec.readers, field)) return field === r.field ? r : { ...r, field };
    throw Errors.badRequest(
      spec.customConversion
        ? `field label not supported: ${r.field}`
        : `"${r.field}" is not a known field selector: only "metadata.name", "metadata.namespace"`,
    );
  });
}

/** parseFieldSelector followed by convertFieldSelector: the `fieldSelector` query parameter of a list of `kind`. */
export function parseFieldSelectorForKind(kind: string, selector: string): FieldRequirement[] {
  return convertFieldSelector(kind, parseFieldSelector(selector));
}

/** Every selectable field of `obj` with its value, as the registry's GetAttrs gives it. */
export function selectableFields(kind: string, obj: KubeObject): FieldSet {
  const out: Record<string, string> = {};
  for (const [field, reader] of Object.entries(labelsOf(kind).readers)) out[field] = reader(obj);
  return out;
}

/** Whether `obj` (of `kind`) satisfies converted field requirements. */
export function fieldSelectorMatches(kind: string, requirements: readonly FieldRequirement[], obj: KubeObject): boolean {
  if (requirements.length === 0) return true;
  return fieldRequirementsMatch(requirements, selectableFields(kind, obj));
}

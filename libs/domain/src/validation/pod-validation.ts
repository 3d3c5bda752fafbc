import type { ObjectMeta, StatusCause } from '../meta/types';
import { forbidden, invalid, required } from './field-errors';
import { FieldPath } from './field-path';
import { asArray, asNumber, asRecord, asString, isRecord, MAX_INT32 } from './json-access';
import { inclusiveRangeError, nameIsDNSSubdomain } from './name-rules';
import { deepEqual, validateObjectMeta, validateObjectMetaUpdate } from './object-meta-validation';
import { validatePodSpec } from './pod-spec-validation';
import { specDiff } from './spec-diff';
import { validateTolerations } from './tolerations-validation';

const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

const UPDATABLE_POD_SPEC_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

/** Checks shared by create and update: metadata, annotations, spec, image whitespace. */
function validatePodMetadataAndSpec(pod: Record<string, unknown>): StatusCause[] {
  const meta = asRecord(pod.metadata) as ObjectMeta;
  const specPath = FieldPath.root('spec');
  const errs = validateObjectMeta(meta, { namespaced: true, nameFn: nameIsDNSSubdomain });
  const spec = asRecord(pod.spec);
  const annotations = asRecord(meta.annotations);
  if (MIRROR_POD_ANNOTATION in annotations && !asString(spec.nodeName)) {
    errs.push(
      invalid(
        FieldPath.root('metadata', 'annotations').key(MIRROR_POD_ANNOTATION),
        asString(annotations[MIRROR_POD_ANNOTATION]),
        'must set spec.nodeName if mirror pod annotation is set',
      ),
    );
  }
  errs.push(...validatePodSpec(pod.spec, specPath, { isPod: true }));
  if (!asString(spec.serviceAccountName)) {
    asArray(spec.volumes).forEach((v, vi) => {
      asArray(asRecord(asRecord(v).projected).sources).forEach((s, si) => {
        if (isRecord(asRecord(s).serviceAccountToken)) {
          const p = specPath.child('volumes').index(vi).child('projected', 'sources').index(si).child('serviceAccountToken');
          errs.push(forbidden(p, 'must not be specified when serviceAccountName is not set'));
        }
      });
    });
  }
  for (const list of ['containers', 'initContainers'] as const) {
    asArray(spec[list]).forEach((c, i) => {
      const image = asString(asRecord(c).image);
      if (image !== image.trim()) {
        errs.push(invalid(specPath.child(list).index(i).child('image'), image, 'must not have leading or trailing whitespace'));
      }
    });
  }
  return errs;
}

/** A Pod being created. */
export function validatePod(pod: Record<string, unknown>): StatusCause[] {
  const errs = validatePodMetadataAndSpec(pod);
  const spec = asRecord(pod.spec);
  const specPath = FieldPath.root('spec');
  if (asArray(spec.ephemeralContainers).length > 0) {
    errs.push(forbidden(specPath.child('ephemeralContainers'), 'cannot be set on create'));
  }
  if (asString(spec.nodeName) && asArray(spec.schedulingGates).length > 0) {
    errs.push(forbidden(specPath.child('nodeName'), 'cannot be set until all schedulingGates have been cleared'));
  }
  return errs;
}

function validateContainerUpdates(next: unknown[], prev: unknown[], path: FieldPath): { errs: StatusCause[]; stop: boolean } {
  if (next.length !== prev.length) return { errs: [forbidden(path, 'pod updates may not add or remove containers')], stop: true };
  const errs: StatusCause[] = [];
  next.forEach((c, i) => {
    const image = asString(asRecord(c).image);
    if (!image) errs.push(required(path.index(i).child('image')));
    if (image !== image.trim()) errs.push(invalid(path.index(i).child('image'), image, 'must not have leading or trailing whitespace'));
  });
  return { errs, stop: false };
}

function tolerationsOnlyAdded(next: unknown[], prev: unknown[], path: FieldPath): StatusCause[] {
  for (const old of prev) {
    const o = asRecord(old);
    // tolerationSeconds of an existing toleration may change.
    const found = next.some((n) => deepEqual({ ...o, tolerationSeconds: undefined }, { ...asRecord(n), tolerationSeconds: undefined }));
    if (!found) return [forbidden(path, 'existing toleration can not be modified except its tolerationSeconds')];
  }
  return validateTolerations(next, path);
}

function schedulingGatesOnlyRemoved(next: unknown[], prev: unknown[], path: FieldPath): StatusCause[] {
  const old = new Set(prev.map((g) => asString(asRecord(g).name)));
  const errs: StatusCause[] = [];
  next.forEach((g, i) => {
    const name = asString(asRecord(g).name);
    if (!old.has(name)) {
      errs.push(forbidden(path.index(i).child('name'), `only deletion is allowed, but found new scheduling gate '${name}'`));
    }
  });
  return errs;
}

/**
 * A Pod being replaced: only images, activeDeadlineSeconds (lowered), added
 * tolerations, removed scheduling gates and the negative-grace-period fix may change.
 */
export function validatePodUpdate(pod: Record<string, unknown>, old: Record<string, unknown>): StatusCause[] {
  const specPath = FieldPath.root('spec');
  const errs = validateObjectMetaUpdate(asRecord(pod.metadata) as ObjectMeta, asRecord(old.metadata) as ObjectMeta);
  errs.push(...validatePodMetadataAndSpec(pod));
  const spec = asRecord(pod.spec);
  const oldSpec = asRecord(old.spec);
  for (const list of ['containers', 'initContainers'] as const) {
    const r = validateContainerUpdates(asArray(spec[list]), asArray(oldSpec[list]), specPath.child(list));
    errs.push(...r.errs);
    if (r.stop) return errs;
  }
  const ads = asNumber(spec.activeDeadlineSeconds);
  const oldAds = asNumber(oldSpec.activeDeadlineSeconds);
  if (ads !== undefined) {
    if (ads < 0 || ads > MAX_INT32) {
      errs.push(invalid(specPath.child('activeDeadlineSeconds'), ads, inclusiveRangeError(0, MAX_INT32)));
      return errs;
    }
    if (oldAds !== undefined && oldAds < ads) {
      errs.push(invalid(specPath.child('activeDeadlineSeconds'), ads, 'must be less than or equal to previous value'));
      return errs;
    }
  } else if (oldAds !== undefined) {
    errs.push(invalid(specPath.child('activeDeadlineSeconds'), null, 'must not update from a positive integer to nil value'));
  }
  errs.push(...tolerationsOnlyAdded(asArray(spec.tolerations), asArray(oldSpec.tolerations), specPath.child('tolerations')));
  errs.push(...schedulingGatesOnlyRemoved(asArray(spec.schedulingGates), asArray(oldSpec.schedulingGates), specPath.child('schedulingGates')));
  if (deepEqual(spec, oldSpec)) return errs;

  // Put back what may change, then anything still different is forbidden.
  const munged: Record<string, unknown> = { ...spec };
  for (const list of ['containers', 'initContainers'] as const) {
    const prev = asArray(oldSpec[list]);
    if (Array.isArray(spec[list])) {
      munged[list] = asArray(spec[list]).map((c, i) => ({ ...asRecord(c), image: asRecord(prev[i]).image }));
    }
  }
  munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds;
  munged.schedulingGates = oldSpec.schedulingGates;
  munged.tolerations = oldSpec.tolerations;
  const oldGrace = asNumber(oldSpec.terminationGracePeriodSeconds);
  if (oldGrace !== undefined && oldGrace < 0 && asNumber(munged.terminationGracePeriodSeconds) === 1) {
    munged.terminationGracePeriodSeconds = oldGrace;
  }
  if (!deepEqual(munged, oldSpec)) {
    errs.push(
      forbidden(
        specPath,
        `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(',')}\n${specDiff('core.PodSpec', oldSpec, munged)}`,
      ),
    );
  }
  return errs;
}

import { rejection } from '../testing/rejection';
import type { KubeObject } from '../meta/types';
import {
  convertFieldSelector,
  fieldSelectorMatches,
  parseFieldSelectorForKind,
  selectableFields,
  supportedFieldLabels,
} from './field-labels';
import {
  escapeFieldValue,
  fieldRequiresExactMatch,
  fieldSelectorToString,
  parseFieldSelector,
  unescapeFieldValue,
} from './field-selector';


describe('parseFieldSelector', () => {
  it('reads =, == and != terms, sorted as the real server sorts them', () => {
    expect(parseFieldSelector('status.phase!=Failed,metadata.name==web,spec.nodeName=n1')).toEqual([
      { field: 'metadata.name', operator: '=', value: 'web' },
      { field: 'spec.nodeName', operator: '=', value: 'n1' },
      { field: 'status.phase', operator: '!=', value: 'Failed' },
    ]);
  });

  it('reads the empty string and empty terms as no requirement', () => {
    expect(parseFieldSelector('')).toEqual([]);
    expect(parseFieldSelector('a=b,,')).toEqual([{ field: 'a', operator: '=', value: 'b' }]);
  });

  it('allows an empty value', () => {
    expect(parseFieldSelector('spec.nodeName=')).toEqual([{ field: 'spec.nodeName', operator: '=', value: '' }]);
  });

  it('unescapes backslash-escaped commas, equals signs and backslashes in values', () => {
    expect(parseFieldSelector('a=x\\,y\\=z\\\\')).toEqual([{ field: 'a', operator: '=', value: 'x,y=z\\' }]);
  });

  it('prints requirements back with escaping', () => {
    const reqs = parseFieldSelector('b!=1,a=x\\,y');
    expect(fieldSelectorToString(reqs)).toBe('a=x\\,y,b!=1');
    expect(escapeFieldValue('a,b=c\\')).toBe('a\\,b\\=c\\\\');
    expect(unescapeFieldValue(escapeFieldValue('a,b=c\\'))).toBe('a,b=c\\');
  });

  it.each([
    ['abc', "invalid selector: 'abc'; can't understand 'abc'"],
    ['a=b,c', "invalid selector: 'a=b,c'; can't understand 'c'"],
    ['a=b=c', 'invalid field selector: unescaped character in value: 61'],
    ['a=b\\x', 'invalid field selector: invalid escape sequence: \\x'],
    ['a=b\\', 'invalid field selector: invalid escape sequence: \\'],
  ])('rejects %j with a 400', (selector, message) => {
    const err = rejection(() => parseFieldSelector(selector));
    expect(err.code).toBe(400);
    expect(err.reason).toBe('BadRequest');
    expect(err.message).toBe(message);
  });

  it('finds the value a selector pins a field to', () => {
    const reqs = parseFieldSelector('spec.nodeName=n1,status.phase!=Failed');
    expect(fieldRequiresExactMatch(reqs, 'spec.nodeName')).toBe('n1');
    expect(fieldRequiresExactMatch(reqs, 'status.phase')).toBeUndefined();
  });
});

describe('field labels per kind', () => {
  it('lists the labels each kind supports', () => {
    expect(supportedFieldLabels('Deployment')).toEqual(['metadata.name', 'metadata.namespace']);
    expect(supportedFieldLabels('Pod')).toEqual(
      expect.arrayContaining(['spec.nodeName', 'spec.hostNetwork', 'status.podIP', 'status.nominatedNodeName']),
    );
    expect(supportedFieldLabels('Secret')).toContain('type');
    expect(supportedFieldLabels('Node')).toEqual(['metadata.name', 'spec.unschedulable']);
    expect(supportedFieldLabels('Namespace')).toEqual(['metadata.name', 'status.phase']);
    expect(supportedFieldLabels('Event')).toEqual(expect.arrayContaining(['involvedObject.uid', 'reportingComponent', 'source']));
  });

  it('rejects an unsupported label of a kind with its own conversion as "field label not supported"', () => {
    const err = rejection(() => parseFieldSelectorForKind('Pod', 'spec.foo=bar'));
    expect(err.code).toBe(400);
    expect(err.reason).toBe('BadRequest');
    expect(err.message).toBe('field label not supported: spec.foo');
    expect(rejection(() => parseFieldSelectorForKind('Node', 'metadata.namespace=x')).message).toBe(
      'field label not supported: metadata.namespace',
    );
  });

  it('rejects other kinds with the default conversion message', () => {
    expect(rejection(() => parseFieldSelectorForKind('Deployment', 'spec.replicas=1')).message).toBe(
      '"spec.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"',
    );
  });

  it('rewrites the legacy spec.host label of pods to spec.nodeName', () => {
    expect(convertFieldSelector('Pod', parseFieldSelector('spec.host=n1'))).toEqual([
      { field: 'spec.nodeName', operator: '=', value: 'n1' },
    ]);
  });
});

describe('fieldSelectorMatches', () => {
  const pod: KubeObject = {
    kind: 'Pod',
    metadata: { name: 'web-1', namespace: 'shop' },
    spec: { nodeName: 'n1', restartPolicy: 'Always' },
    status: { phase: 'Running', podIPs: [{ ip: '127.64.1.5' }] },
  };

  it('reads fields from the object, missing ones as the empty string', () => {
    expect(fieldSelectorMatches('Pod', parseFieldSelectorForKind('Pod', 'spec.nodeName=n1,status.phase=Running'), pod)).toBe(true);
    expect(fieldSelectorMatches('Pod', parseFieldSelectorForKind('Pod', 'spec.nodeName!=n1'), pod)).toBe(false);
    expect(fieldSelectorMatches('Pod', parseFieldSelectorForKind('Pod', 'spec.schedulerName='), pod)).toBe(true);
    expect(fieldSelectorMatches('Pod', parseFieldSelectorForKind('Pod', 'metadata.namespace=shop'), pod)).toBe(true);
  });

  it('reads booleans and numbers as Go prints them, with their zero values when unset', () => {
    expect(selectableFields('Pod', pod)['spec.hostNetwork']).toBe('false');
    expect(fieldSelectorMatches('Node', parseFieldSelectorForKind('Node', 'spec.unschedulable=false'), { metadata: { name: 'n' } })).toBe(true);
    const cordoned: KubeObject = { metadata: { name: 'n' }, spec: { unschedulable: true } };
    expect(fieldSelectorMatches('Node', parseFieldSelectorForKind('Node', 'spec.unschedulable=true'), cordoned)).toBe(true);
    const rc: KubeObject = { metadata: { name: 'rc' }, status: { replicas: 3 } };
    expect(selectableFields('ReplicationController', rc)['status.replicas']).toBe('3');
    expect(selectableFields('ReplicationController', { metadata: { name: 'rc' } })['status.replicas']).toBe('0');
  });

  it('takes a pod IP from podIPs when podIP is absent', () => {
    expect(fieldSelectorMatches('Pod', parseFieldSelectorForKind('Pod', 'status.podIP=127.64.1.5'), pod)).toBe(true);
  });

  it('selects events by involved object and by source, falling back to the reporting component', () => {
    const event: KubeObject = {
      metadata: { name: 'e', namespace: 'shop' },
      involvedObject: { kind: 'Pod', name: 'web-1', uid: 'u1' },
      reason: 'Scheduled',
      reportingComponent: 'default-scheduler',
      type: 'Normal',
    };
    const sel = parseFieldSelectorForKind('Event', 'involvedObject.kind=Pod,involvedObject.name=web-1,source=default-scheduler');
    expect(fieldSelectorMatches('Event', sel, event)).toBe(true);
    expect(selectableFields('Event', { ...event, source: { component: 'kubelet' } }).source).toBe('kubelet');
  });

  it('matches everything with no requirements', () => {
    expect(fieldSelectorMatches('Pod', [], pod)).toBe(true);
  });
});

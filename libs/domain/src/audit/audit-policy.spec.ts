import { auditOutcome, shouldAudit, writeVerb } from './audit-policy';

describe('audit policy', () => {
  it('records writes and not reads', () => {
    for (const verb of ['create', 'update', 'patch', 'delete', 'deletecollection']) expect(shouldAudit({ verb, group: 'apps', resource: 'deployments' })).toBe(true);
    for (const verb of ['get', 'list', 'watch']) expect(shouldAudit({ verb, group: 'apps', resource: 'deployments' })).toBe(false);
  });

  it('leaves out lease renewals and events, the cluster’s own heartbeat', () => {
    expect(shouldAudit({ verb: 'update', group: 'coordination.k8s.io', resource: 'leases' })).toBe(false);
    expect(shouldAudit({ verb: 'create', group: '', resource: 'events' })).toBe(false);
    expect(shouldAudit({ verb: 'create', group: '', resource: 'secrets' })).toBe(true);
    expect(shouldAudit({ verb: 'patch', group: '', resource: 'pods' })).toBe(true);
  });

  it('names the verb of a method, and the outcome of a code', () => {
    expect(writeVerb('POST', false)).toBe('create');
    expect(writeVerb('delete', true)).toBe('delete');
    expect(writeVerb('DELETE', false)).toBe('deletecollection');
    expect(writeVerb('GET', true)).toBeUndefined();
    expect(auditOutcome(201)).toBe('success');
    expect(auditOutcome(403)).toBe('failure');
  });
});

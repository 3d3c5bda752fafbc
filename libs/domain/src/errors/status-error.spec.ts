import { Errors } from './status-error';

describe('StatusError', () => {
  it('renders a 422 Status naming every field', () => {
    const s = Errors.invalid('apps', 'Deployment', 'web', [
      { reason: 'FieldValueRequired', field: 'spec.selector', message: 'Required value' },
    ]).toStatus();
    expect(s).toMatchObject({ kind: 'Status', code: 422, reason: 'Invalid' });
    expect(s.message).toBe('Deployment.apps "web" is invalid: spec.selector: Required value');
    expect(s.details?.causes?.[0].field).toBe('spec.selector');
  });
});

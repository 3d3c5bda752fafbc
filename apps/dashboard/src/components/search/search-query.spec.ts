import { parseSearchQuery } from './search-query';

describe('parseSearchQuery', () => {
  it('reads label selectors', () => {
    expect(parseSearchQuery(' app=web ')).toEqual({ labelSelector: 'app=web' });
    expect(parseSearchQuery('tier!=db')).toEqual({ labelSelector: 'tier!=db' });
    expect(parseSearchQuery('env in (a,b)')).toEqual({ labelSelector: 'env in (a,b)' });
  });

  it('reads anything else as a fragment of a name, in any case', () => {
    expect(parseSearchQuery('Web')).toEqual({ nameFragment: 'web' });
    expect(parseSearchQuery('   ')).toEqual({});
  });
});

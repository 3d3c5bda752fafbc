import { contentHash } from './content-hash';

describe('contentHash', () => {
  it('gives 32 upper-case hex digits', () => {
    expect(contentHash('')).toMatch(/^[0-9A-F]{32}$/);
    expect(contentHash('{"a":1}')).toMatch(/^[0-9A-F]{32}$/);
  });

  it('is the same for the same text and differs for different texts', () => {
    expect(contentHash('kubernetes')).toBe(contentHash('kubernetes'));
    expect(contentHash('kubernetes')).not.toBe(contentHash('kubernetez'));
    expect(contentHash('ab')).not.toBe(contentHash('ba'));
  });

  it('reads text as UTF-8', () => {
    expect(contentHash('é')).not.toBe(contentHash('e'));
  });
});

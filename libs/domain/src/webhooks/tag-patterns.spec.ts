import { tagAllowed, tagPatternError } from './tag-patterns';

describe('tag patterns', () => {
  it('allows every tag when there are no patterns', () => {
    expect(tagAllowed('latest', undefined)).toBe(true);
    expect(tagAllowed('latest', [])).toBe(true);
  });

  it('allows a tag that matches any pattern, as a shell glob', () => {
    const patterns = ['v*', 'main-*'];
    expect(tagAllowed('v1.2.3', patterns)).toBe(true);
    expect(tagAllowed('main-4f2a9c', patterns)).toBe(true);
    expect(tagAllowed('latest', patterns)).toBe(false);
    expect(tagAllowed('feature-v1', patterns)).toBe(false);
    expect(tagAllowed('1.2.7', ['1.2.?'])).toBe(true);
    expect(tagAllowed('1.2.17', ['1.2.?'])).toBe(false);
    expect(tagAllowed('v2.0', ['v{1,2}.*'])).toBe(true);
    expect(tagAllowed('v3.0', ['v{1,2}.*'])).toBe(false);
    expect(tagAllowed('2.0', ['[0-9]*.[0-9]*'])).toBe(true);
  });

  it('matches the whole tag, not a part of it', () => {
    expect(tagAllowed('xv1', ['v*'])).toBe(false);
    expect(tagAllowed('v1', ['v'])).toBe(false);
  });

  it('says why a pattern cannot be used', () => {
    expect(tagPatternError('v*')).toBeUndefined();
    expect(tagPatternError('')).toBe('must be non-empty');
    expect(tagPatternError('team/v*')).toBe('must not contain "/": a tag has none');
    expect(tagPatternError('x'.repeat(129))).toBe('must be no more than 128 characters');
  });
});

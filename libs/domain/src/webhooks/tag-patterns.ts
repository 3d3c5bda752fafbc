import picomatch from 'picomatch/posix';

/**
 * `spec.tagPatterns`: shell-style globs (`v*`, `main-*`, `1.2.?`, `v{1,2}.*`), matched by
 * picomatch. A tag is allowed when no patterns are given or when it matches any of them.
 */
export function tagAllowed(tag: string, patterns: readonly string[] | undefined): boolean {
  if (!patterns?.length) return true;
  return patterns.some((p) => picomatch(p, { dot: true })(tag));
}

/** Why a pattern cannot be used, or undefined when it can. */
export function tagPatternError(pattern: string): string | undefined {
  if (!pattern) return 'must be non-empty';
  if (pattern.length > 128) return 'must be no more than 128 characters';
  if (pattern.includes('/')) return 'must not contain "/": a tag has none';
  try {
    picomatch.makeRe(pattern);
    return undefined;
  } catch (e) {
    return `is not a valid glob: ${(e as Error).message}`;
  }
}

import { StatusError } from '../errors/status-error';

/** For tests: runs `fn`, which must throw a StatusError, and returns that error. */
export function rejection(fn: () => unknown): StatusError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatusError) return e;
    throw e;
  }
  throw new Error('expected a StatusError');
}

/** For property tests: `fn` may return, or throw a StatusError with `code`; anything else is thrown on. */
export function returnsOrRejects(code: number, fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatusError && e.code === code) return;
    throw e;
  }
}

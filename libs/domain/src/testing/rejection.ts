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

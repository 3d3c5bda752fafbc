'use client';
import { useState } from 'react';

/** A write the user started: busy while it runs; its error is kept until the next try or reset. */
export function useAction<A extends unknown[], T>(action: (...args: A) => Promise<T>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const run = async (...args: A): Promise<{ ok: true; value: T } | { ok: false }> => {
    setBusy(true);
    setError(undefined);
    try {
      return { ok: true, value: await action(...args) };
    } catch (e) {
      setError(e as Error);
      return { ok: false };
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, error, reset: () => setError(undefined) };
}

'use client';
import { useCallback, useEffect, useState } from 'react';
import { gql } from '@/lib/api';

interface QueryState<T> {
  data?: T;
  error?: Error;
  loading: boolean;
}

/** A GraphQL query read when its variables change, and again on `reload()` (after a write). */
export function useGqlQuery<T>(query: string, variables: Record<string, unknown> = {}): QueryState<T> & { reload(): void } {
  const [state, setState] = useState<QueryState<T>>({ loading: true });
  const [generation, setGeneration] = useState(0);
  const variablesKey = JSON.stringify(variables);
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    gql<T>(query, JSON.parse(variablesKey)).then(
      (data) => current && setState({ data, loading: false }),
      (error: Error) => current && setState({ error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [query, variablesKey, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}

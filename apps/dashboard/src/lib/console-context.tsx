'use client';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { rest, session as sessions, type Session } from './api';

interface Console {
  session?: Session;
  /** The namespaces shown; empty = all. */
  namespaces: string[];
  setNamespaces(ns: string[]): void;
  /** Whether RBAC lets the user do it (SelfSubjectAccessReview, remembered). */
  can(verb: string, resource: string, group: string, namespace?: string, subresource?: string): boolean | undefined;
  logout(): Promise<void>;
}

const ConsoleContext = createContext<Console | undefined>(undefined);

export function useConsole(): Console {
  const c = useContext(ConsoleContext);
  if (!c) throw new Error('useConsole outside ConsoleProvider');
  return c;
}

const NAMESPACES_KEY = 'skiff.namespaces';

/** Who is logged in (else to the login page), which namespaces are picked, and what the user may do. */
export function ConsoleProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>();
  const [namespaces, setNs] = useState<string[]>([]);
  const [answers, setAnswers] = useState<Record<string, boolean>>({});
  useEffect(() => {
    sessions.current().then(setSession, () => location.assign('/ui/login/'));
    try {
      setNs(JSON.parse(localStorage.getItem(NAMESPACES_KEY) ?? '["default"]'));
    } catch {
      setNs(['default']);
    }
  }, []);
  const setNamespaces = useCallback((ns: string[]) => {
    setNs(ns);
    localStorage.setItem(NAMESPACES_KEY, JSON.stringify(ns));
  }, []);
  const asked = useMemo(() => new Set<string>(), []);
  const can = useCallback(
    (verb: string, resource: string, group: string, namespace?: string, subresource?: string) => {
      const key = [verb, group, resource, subresource ?? '', namespace ?? ''].join('|');
      if (key in answers) return answers[key];
      if (!asked.has(key)) {
        asked.add(key);
        const review = { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: { verb, resource, group, namespace, subresource } } };
        rest('POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', review).then(
          (r: { status?: { allowed?: boolean } }) => setAnswers((a) => ({ ...a, [key]: !!r.status?.allowed })),
          () => setAnswers((a) => ({ ...a, [key]: false })),
        );
      }
      return undefined;
    },
    [answers, asked],
  );
  const logout = useCallback(async () => {
    await sessions.logout().catch(() => undefined);
    location.assign('/ui/login/');
  }, []);
  const value = useMemo(() => ({ session, namespaces, setNamespaces, can, logout }), [session, namespaces, setNamespaces, can, logout]);
  return <ConsoleContext.Provider value={value}>{children}</ConsoleContext.Provider>;
}

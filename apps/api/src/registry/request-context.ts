import type { KubeObject } from '@skiff/domain';
import type { UserInfo } from '../auth/token.service';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

/** Who asks and how: passed from every surface (REST, GraphQL, controllers) into the registry. */
export interface RequestContext {
  user: UserInfo;
  dryRun: boolean;
  fieldValidation: FieldValidation;
  /** Warnings for the `Warning` response header (e.g. unknown fields with fieldValidation=Warn). */
  warnings: string[];
  /** Object-level authorization: throws a 403 StatusError for an object this caller may not write. */
  guard?: (obj: KubeObject) => void;
  /**
   * Checks the object a create or update would write (`current` on update) — the RBAC
   * escalation check on roles and bindings; throws a 403 StatusError.
   */
  checkWrite?: (next: KubeObject, current: KubeObject | undefined) => Promise<void>;
}

export function internalContext(name = 'system:skiff'): RequestContext {
  return { user: { name, groups: ['system:masters'] }, dryRun: false, fieldValidation: 'Ignore', warnings: [] };
}

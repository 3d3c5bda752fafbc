import { BUILT_IN_ROLES, expected, expectedBind, expectedClusterWide, type BuiltInRole, type Scope } from '@skiff/domain/rbac/built-in-role-expectations';
import { MATRIX_KINDS, type MatrixKind } from './matrix-kinds';

/**
 * The cells of the end-to-end authorization matrix: subject × action × kind × scope ×
 * surface, each with what Kubernetes' built-in roles say of it. view, edit and admin
 * are bound with a RoleBinding in team-a; cluster-admin with a ClusterRoleBinding;
 * `none` has no binding at all.
 */
export type Surface = 'rest' | 'graphql';
export type Subject = BuiltInRole | 'none';
export const SUBJECTS: readonly Subject[] = [...BUILT_IN_ROLES, 'none'];
export type Action = 'get' | 'list' | 'create' | 'patch' | 'scale' | 'delete' | 'bind';

export interface Cell {
  surface: Surface;
  subject: Subject;
  kind: MatrixKind;
  action: Action;
  scope: Scope;
  /** The request's namespace, for namespaced kinds outside cluster scope. */
  namespace?: string;
  /** The object addressed or written. */
  name?: string;
  /** bind: the ClusterRole the new RoleBinding grants. */
  granted?: BuiltInRole;
  expected: boolean;
  /** Cells run phase by phase: reads, creates, changes, deletes, and the namespaces' own deletion last. */
  phase: number;
}

/** Seeded by the admin before the matrix runs: what reads look for. */
export const SEED = 'seed';
export const SEED_NODE = 'mx-seed';

/** The object an allowed read of `cell` must return. */
export function seedOf(cell: Cell): string {
  if (cell.kind.addressing === 'cluster') return SEED_NODE;
  // A Namespace is read by its name; listed, team-a is among them.
  if (cell.kind.addressing === 'namespace-object') return cell.name ?? 'team-a';
  return SEED;
}

export function userOf(subject: Subject): string {
  return `mx-${subject}`;
}

/** The label a patch cell sets: one key per subject and surface, so cells on one object never overwrite each other. */
export function patchLabel(cell: Pick<Cell, 'subject' | 'surface'>): string {
  return `mx-${cell.subject}-${cell.surface}`;
}

/** A fresh object name per cell (unique cluster-wide, for nodes and namespaces). */
function targetName(action: Action, subject: Subject, surface: Surface, granted?: BuiltInRole): string {
  return ['mx', action, ...(granted ? [granted, 'by'] : []), subject, surface === 'rest' ? 'r' : 'g'].join('-');
}

function expectation(subject: Subject, resource: string, action: Action, scope: Scope, granted?: BuiltInRole): boolean {
  if (subject === 'none') return false;
  const verb = action === 'scale' ? 'patch' : action === 'bind' ? 'create' : action;
  const kind = action === 'scale' ? `${resource}/scale` : resource;
  if (subject === 'cluster-admin') return expectedClusterWide(subject, kind, verb);
  return action === 'bind' ? expectedBind(subject, granted!, scope) : expected(subject, kind, verb, scope);
}

const PHASE: Record<Action, number> = { get: 0, list: 0, create: 1, bind: 1, patch: 2, scale: 2, delete: 3 };

function cellsOf(surface: Surface, subject: Subject, kind: MatrixKind): Cell[] {
  const out: Cell[] = [];
  const add = (action: Action, scope: Scope, at: { namespace?: string; name?: string; granted?: BuiltInRole }, phase = PHASE[action]) =>
    out.push({ surface, subject, kind, action, scope, ...at, expected: expectation(subject, kind.resource, action, scope, at.granted), phase });
  const fresh = (action: Action, granted?: BuiltInRole) => targetName(action, subject, surface, granted);
  switch (kind.addressing) {
    case 'namespaced':
      for (const ns of ['team-a', 'team-b'] as const) {
        add('get', ns, { namespace: ns, name: SEED });
        add('list', ns, { namespace: ns });
        const writes: Action[] = ['create', 'patch', 'delete', ...(kind.scalable ? (['scale'] as const) : [])];
        for (const action of writes) add(action, ns, { namespace: ns, name: fresh(action) });
        if (kind.resource === 'rolebindings') for (const granted of BUILT_IN_ROLES) add('bind', ns, { namespace: ns, name: fresh('bind', granted), granted });
      }
      add('list', 'cluster', {});
      break;
    case 'cluster':
      add('get', 'cluster', { name: SEED_NODE });
      add('list', 'cluster', {});
      for (const action of ['create', 'patch', 'delete'] as const) add(action, 'cluster', { name: fresh(action) });
      break;
    case 'namespace-object':
      // A Namespace is addressed by its name, which is the request's namespace.
      for (const ns of ['team-a', 'team-b'] as const) {
        add('get', ns, { name: ns });
        add('patch', ns, { name: ns });
        // Last of all, and cluster-admin's (which succeed) after the refused ones, which must find the namespace still there.
        add('delete', ns, { name: ns }, subject === 'cluster-admin' ? 5 : 4);
      }
      add('list', 'cluster', {});
      add('create', 'cluster', { name: fresh('create') });
      break;
  }
  return out;
}

export function matrixCells(): Cell[] {
  const surfaces: Surface[] = ['rest', 'graphql'];
  return surfaces.flatMap((surface) => SUBJECTS.flatMap((subject) => MATRIX_KINDS.flatMap((kind) => cellsOf(surface, subject, kind))));
}

/** Objects the admin makes before the matrix runs: what patch, scale and delete cells act on. */
export function victimsOf(cells: readonly Cell[]): Cell[] {
  return cells.filter((c) => (c.action === 'patch' || c.action === 'scale' || c.action === 'delete') && c.kind.addressing !== 'namespace-object');
}

export function describeCell(c: Cell): string {
  const action = c.granted ? `bind ${c.granted}` : c.action;
  const where = c.scope === 'cluster' ? 'cluster scope' : c.scope;
  return `${c.surface.padEnd(7)} ${c.subject.padEnd(13)} ${action.padEnd(18)} ${c.kind.resource.padEnd(12)} ${where.padEnd(13)} ${c.name ?? ''}`.trimEnd();
}

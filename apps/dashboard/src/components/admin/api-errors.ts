import { ApiError } from '@/lib/api';

/** What the server said about one field (a cause of its Status), to show under the control for it. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const messages = error.causes.filter((c) => c.field === field).map((c) => c.message ?? 'Invalid value');
  return messages.length ? messages.join('; ') : undefined;
}

/** What to show above a form: the error, unless the form's controls show every cause of it. */
export function formError(error: unknown, fields: readonly string[]): string | undefined {
  if (!error) return undefined;
  if (!(error instanceof ApiError) || !error.causes.length) return (error as Error).message;
  const elsewhere = error.causes.filter((c) => !c.field || !fields.includes(c.field));
  if (elsewhere.length === error.causes.length) return error.message;
  return elsewhere.length ? elsewhere.map((c) => [c.field, c.message].filter(Boolean).join(': ')).join('; ') : undefined;
}

import type { z } from 'zod';
import { badRequest, zodToHttpError } from './errors';

export function parse<S extends z.ZodType>(schema: S, value: unknown, where: 'body' | 'query' | 'params'): z.output<S> {
  assertNoNulCharacters(value, where);
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw zodToHttpError(result.error, where);
  return result.data;
}

/**
 * PostgreSQL stores no NUL character in text or jsonb: a request carrying one (in a field, a key, a raw CSV or
 * message body) is refused here, naming where, rather than failing in the database.
 */
export function assertNoNulCharacters(value: unknown, where: string): void {
  const found = findNul(value, where);
  if (found) throw badRequest(`${found}: contains a NUL character (U+0000), which is not accepted`, { issues: [{ field: found, message: 'contains a NUL character (U+0000)' }] });
}

function findNul(value: unknown, at: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? at : null;
  if (Buffer.isBuffer(value)) return value.includes(0) ? at : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findNul(item, `${at}.${i}`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) return `${at}.${key.replace(/\u0000/g, '\\u0000')}`;
      const found = findNul(item, `${at}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

// Cursor (keyset) pagination for every list: `limit` and an opaque `cursor` in, `nextCursor` out. A cursor
// holds the sort key of the last item served and the list it belongs to, so the next page starts strictly
// after that item whatever was inserted meanwhile (no item is served twice, none is skipped for an insert),
// and each page is one index range scan however deep the list is.
import { z } from 'zod';
import { badRequest } from './errors';

export const MAX_PAGE = 200;

/** The query fields every list takes. */
export const pageFields = {
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50).describe(`Items per page (1–${MAX_PAGE})`),
  cursor: z
    .string()
    .min(1)
    .max(1000)
    .regex(/^[A-Za-z0-9_-]+$/, 'must be a nextCursor from the previous page')
    .optional()
    .describe("The previous page's nextCursor; absent for the first page"),
};

/** The field every list answer carries. */
export const nextCursorField = z.string().nullable().describe('Pass as cursor for the next page; null on the last page');

/** A sort key: text for timestamps (full microseconds, as PostgreSQL keeps them) and ids. */
export type SortKey = string[];

/**
 * The sort key after which the page starts, or null for the first page. `list` names the list and its filters
 * (`approvals:pending`): a cursor from another list or other filters is refused, naming the field.
 */
export function decodeCursor(cursor: string | undefined, list: string, arity: number): SortKey | null {
  if (cursor === undefined) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = null;
  }
  const parsed = z.object({ l: z.string(), k: z.array(z.string()).length(arity) }).safeParse(decoded);
  if (!parsed.success) throw badRequest('query.cursor: not a cursor this API issued; pass nextCursor from the previous page', { issues: [{ field: 'query.cursor', message: 'not a cursor this API issued' }] });
  if (parsed.data.l !== list) {
    throw badRequest(`query.cursor: it belongs to another list or other filters (${parsed.data.l}), not ${list}`, {
      issues: [{ field: 'query.cursor', message: `belongs to ${parsed.data.l}, not ${list}` }],
    });
  }
  return parsed.data.k;
}

export function encodeCursor(list: string, key: SortKey): string {
  return Buffer.from(JSON.stringify({ l: list, k: key }), 'utf8').toString('base64url');
}

/** Rows fetched with `limit + 1`: the page, and the cursor after its last item when there is more. */
export function pageOf<T>(rows: T[], limit: number, list: string, keyOf: (row: T) => SortKey): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(list, keyOf(last)) : null };
}

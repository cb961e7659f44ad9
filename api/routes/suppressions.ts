import { randomUUID } from 'node:crypto';
import express, { Router } from 'express';
import { recordAudit } from '../../db/repositories/audit';
import {
  addSuppressions,
  lookupSuppressions,
  parseSuppressionRows,
  removeSuppression,
  SuppressionInputError,
  type ParsedSuppressions,
  type Suppression,
} from '../../db/repositories/suppressions';
import { suppressionListPage } from '../../db/repositories/pages';
import { principal, requireRole } from '../auth';
import { decodeCursor, pageOf } from '../pagination';
import type { ApiContext } from '../context';
import { badRequest, HttpError, notFound } from '../errors';
import { suppressionImportEnvelope, suppressionImportQuery, suppressionLookupQuery, suppressionParams } from '../schemas';
import { assertNoNulCharacters, parse } from '../validate';

const DEFAULT_SOURCE = 'api-import';

function toJson(s: Suppression) {
  return { kind: s.kind, value: s.value, reason: s.reason, source: s.source, createdAt: s.createdAt.toISOString() };
}

export function suppressionRoutes({ db }: ApiContext): Router {
  const router = Router();
  // 10 000 CSV lines fit well within this.
  const csvBody = express.text({ type: ['text/csv', 'application/csv', 'text/plain'], limit: '4mb' });

  // A list validated row by row: a bad row is reported with its line and the field at fault, and the
  // good rows are kept; only a list without one valid row is refused (400, with the same report).
  router.post('/v1/suppressions/import', requireRole('manager', 'admin', 'integration'), csvBody, async (req, res) => {
    const caller = principal(req);
    const isCsv = typeof req.body === 'string';
    let parsed: ParsedSuppressions;
    let source: string;
    // The query is checked whatever the body: a bad parameter is refused, never ignored.
    const query = parse(suppressionImportQuery, req.query, 'query');
    try {
      if (isCsv) {
        source = query.source ?? DEFAULT_SOURCE;
        assertNoNulCharacters(req.body, 'body');
        parsed = parseSuppressionRows({ csv: req.body as string });
      } else {
        const body = parse(suppressionImportEnvelope, req.body, 'body');
        source = body.source ?? DEFAULT_SOURCE;
        parsed = parseSuppressionRows({ json: body.rows });
      }
    } catch (err) {
      if (err instanceof SuppressionInputError) throw badRequest(`body: ${err.message}`);
      throw err;
    }
    if (parsed.total === 0) throw badRequest('body: no rows to import');
    const rejected = parsed.rejected;
    if (parsed.rows.length === 0) {
      throw new HttpError(400, 'no-valid-rows', `none of the ${parsed.total} rows is valid; nothing was imported`, {
        total: parsed.total,
        imported: 0,
        duplicates: 0,
        rejected,
      });
    }
    const { imported, duplicates } = await addSuppressions(db, parsed.rows, source);
    await recordAudit(db, {
      key: `suppressions.imported:${randomUUID()}`,
      occurredAt: new Date(),
      actor: `user:${caller.userId}`,
      action: 'suppressions.imported',
      details: { source, format: isCsv ? 'csv' : 'json', total: parsed.total, imported, duplicates, rejected: rejected.length },
    });
    res.status(200).json({ total: parsed.total, imported, duplicates, rejected });
  });

  router.get('/v1/suppressions', requireRole('rep', 'manager', 'admin', 'integration'), async (req, res) => {
    const query = parse(suppressionLookupQuery, req.query, 'query');
    if (query.value !== undefined) {
      const items = await lookupSuppressions(db, query.value);
      res.json({ value: query.value, suppressed: items.length > 0, items: items.map(toJson), nextCursor: null });
      return;
    }
    const rows = await suppressionListPage(db, { after: decodeCursor(query.cursor, 'suppressions', 2), fetch: query.limit + 1 }).execute();
    const page = pageOf(rows, query.limit, 'suppressions', (r) => [r.page_at, r.id]);
    res.json({ value: null, suppressed: null, items: page.items.map((r) => toJson({ kind: r.kind, value: r.value, reason: r.reason, source: r.source, createdAt: r.created_at })), nextCursor: page.nextCursor });
  });

  router.delete('/v1/suppressions/:kind/:value', requireRole('admin'), async (req, res) => {
    const { kind, value } = parse(suppressionParams, req.params, 'params');
    const caller = principal(req);
    const removed = await removeSuppression(db, kind, value);
    if (!removed) throw notFound(`${kind} ${value} is not suppressed`);
    await recordAudit(db, {
      key: `suppression.removed:${randomUUID()}`,
      occurredAt: new Date(),
      actor: `user:${caller.userId}`,
      action: 'suppression.removed',
      details: toJson(removed),
    });
    res.status(204).end();
  });

  return router;
}

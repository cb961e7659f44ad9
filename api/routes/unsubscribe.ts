import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import express, { Router, type Response } from 'express';
import {
  UnsubscribeKeyring,
  readUnsubscribeToken,
  verifyUnsubscribeToken,
  type UnsubscribeTokenContent,
} from '../../activities/unsubscribe-token';
import type { Db } from '../../db/connect';
import { recordAudit } from '../../db/repositories/audit';
import { normalizeEmail } from '../../db/repositories/prospects';
import { cadenceWorkflowId, replySignal } from '../../workflows/definitions';
import type { ApiContext } from '../context';
import { HttpError } from '../errors';

/** A token that verified, and the address it was issued for. */
export interface VerifiedUnsubscribe {
  token: UnsubscribeTokenContent;
  address: string;
}

/**
 * The address a token was signed for, when it verifies. The token binds the address without carrying
 * it, so it is checked against the prospect's address and every address that enrollment mailed.
 */
export async function verifyUnsubscribeLink(db: Db, keyring: UnsubscribeKeyring, token: string): Promise<VerifiedUnsubscribe | null> {
  const claimed = readUnsubscribeToken(token);
  if (!claimed) return null;
  const prospect = await db.selectFrom('prospects').select('email').where('id', '=', claimed.prospectId).executeTakeFirst();
  if (!prospect) return null;
  const sent = await db
    .selectFrom('sends')
    .select('recipient')
    .distinct()
    .where('prospect_id', '=', claimed.prospectId)
    .where('enrollment_id', '=', claimed.enrollmentId)
    .execute();
  for (const address of new Set([prospect.email, ...sent.map((s) => s.recipient)])) {
    const verified = verifyUnsubscribeToken(keyring, token, address);
    if (verified) return { token: verified, address };
  }
  return null;
}

/**
 * Suppresses the address at once and ends the prospect's cadence, with the reply path's semantics (an
 * `unsubscribe` reply signal). The suppression is written under the prospect's row lock, the lock the
 * send activity holds while it hands a message to SMTP, so once this commits no send can miss it.
 * Idempotent: a repeat changes nothing, and signals again only while the cadence is still running.
 */
export async function unsubscribeOneClick(
  db: Db,
  temporal: Client,
  { token, address }: VerifiedUnsubscribe,
  log: ApiContext['log'],
  at = new Date(),
): Promise<{ suppressed: boolean; cadenceStopped: boolean }> {
  const value = normalizeEmail(address);
  const recorded = await db.transaction().execute(async (tx) => {
    await tx.selectFrom('prospects').select('id').where('id', '=', token.prospectId).forUpdate().execute();
    const inserted = await tx
      .insertInto('suppressions')
      .values({ id: randomUUID(), kind: 'address', value, reason: 'unsubscribed', source: 'one-click', created_at: at })
      .onConflict((oc) => oc.columns(['kind', 'value']).doNothing())
      .returning('id')
      .executeTakeFirst();
    const earlier = inserted
      ? undefined
      : await tx.selectFrom('suppressions').select(['reason', 'source']).where('kind', '=', 'address').where('value', '=', value).executeTakeFirst();
    const active = await tx
      .selectFrom('enrollments')
      .select('id')
      .where('prospect_id', '=', token.prospectId)
      .where('ended_at', 'is', null)
      .orderBy('started_at', 'desc')
      .executeTakeFirst();
    await recordAudit(tx, {
      key: `unsubscribe:one-click:${token.prospectId}:${value}`,
      occurredAt: at,
      actor: 'component:one-click-unsubscribe',
      action: 'prospect.unsubscribed',
      prospectId: token.prospectId,
      enrollmentId: active?.id ?? token.enrollmentId,
      details: {
        address: value,
        source: 'one-click',
        linkEnrollmentId: token.enrollmentId,
        linkIssuedAt: token.issuedAt.toISOString(),
        keyId: token.keyId,
        alreadySuppressed: earlier ? { reason: earlier.reason, source: earlier.source } : null,
      },
    });
    return { suppressed: inserted !== undefined, activeEnrollmentId: active?.id ?? null };
  });

  let cadenceStopped = false;
  if (recorded.activeEnrollmentId) {
    const replyId = `one-click-unsubscribe:${recorded.activeEnrollmentId}`;
    try {
      await temporal.workflow.getHandle(cadenceWorkflowId(token.prospectId)).signal(replySignal, {
        replyId,
        messageId: replyId,
        receivedAt: at.toISOString(),
        intent: 'unsubscribe',
        sentiment: 'neutral',
        escalate: false,
      });
      cadenceStopped = true;
    } catch (err) {
      // The address is suppressed, which is what the recipient asked for: no send gets past that. The
      // cadence is told again on the next POST of this link while its enrollment is still open.
      if (!(err instanceof WorkflowNotFoundError)) log(`one-click unsubscribe: could not signal ${cadenceWorkflowId(token.prospectId)}`, err);
    }
  }
  return { suppressed: recorded.suppressed, cadenceStopped };
}

async function isSuppressed(db: Db, address: string): Promise<boolean> {
  const found = await db
    .selectFrom('suppressions')
    .select('id')
    .where('kind', '=', 'address')
    .where('value', 'in', [address.toLowerCase(), normalizeEmail(address)])
    .executeTakeFirst();
  return found !== undefined;
}

/** No caching, no referrer (the URL is the credential), no indexing, no framing, no script. */
function protect(res: Response): void {
  res.set({
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'X-Robots-Tag': 'noindex, nofollow',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  });
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222}button{font-size:1rem;padding:.6rem 1.2rem;cursor:pointer}</style>
</head>
<body>
<main>
<h1>${title}</h1>
${body}
</main>
</body>
</html>
`;
}

// The form posts the RFC 8058 field to this same URL (no action attribute), exactly as a mail provider would.
const confirmationPage = page(
  'Unsubscribe',
  `<p>Stop receiving these emails at this address?</p>
<form method="post">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">Unsubscribe</button>
</form>`,
);
const unsubscribedPage = page('You are unsubscribed', "<p>You won't receive any more emails from us at this address.</p>");
const invalidPage = page('This link is not valid', '<p>This unsubscribe link is not valid. Please use the link in the email you received.</p>');

const invalidToken = () => new HttpError(400, 'invalid-token', 'this unsubscribe link is not valid');

/**
 * One-click unsubscribe (RFC 8058), reached from List-Unsubscribe and the footer link: no login, no
 * cookies, no redirect. GET only shows a confirmation page, because link scanners fetch links; POST
 * unsubscribes. The keys are the worker's (UNSUBSCRIBE_SECRET and the previous ones).
 */
export function unsubscribeRoutes({ db, temporal, log, unsubscribe: keyring }: ApiContext): Router {
  const router = Router();

  router.get('/u/:token', async (req, res) => {
    protect(res);
    const verified = await verifyUnsubscribeLink(db, keyring, req.params.token);
    if (!verified) {
      res.status(400).type('html').send(invalidPage);
      return;
    }
    res.status(200).type('html').send((await isSuppressed(db, verified.address)) ? unsubscribedPage : confirmationPage);
  });

  router.post(
    '/u/:token',
    // Mail providers post the form url-encoded (or multipart, which needs no parsing: the token is what counts).
    express.urlencoded({ extended: false, limit: '2kb' }),
    async (req, res) => {
      protect(res);
      const verified = await verifyUnsubscribeLink(db, keyring, req.params.token);
      if (!verified) throw invalidToken();
      const field: unknown = (req.body as Record<string, unknown> | undefined)?.['List-Unsubscribe'];
      if (field !== undefined && field !== 'One-Click') {
        throw new HttpError(400, 'invalid-request', 'body.List-Unsubscribe: must be One-Click');
      }
      await unsubscribeOneClick(db, temporal, verified, log);
      res.status(200).type('text/plain').send("You are unsubscribed: you won't receive any more emails from us at this address.\n");
    },
  );
  return router;
}

// Part (c2) of `npm run bench`: a burst of replies after a send wave. N cadences wait on a durable timer (three
// days before their first step, so nothing is sent meanwhile); then a reply from every one of their prospects is
// posted to POST /v1/webhooks/inbound-reply at the same moment, as an inbox integration catching up would. It
// measures how long the webhook takes to accept each (triage, the reply ledger's transaction, the signal) with
// all of them in flight, and how long until every cadence reports 'replied'.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Client } from '@temporalio/client';
import type { Db } from '../db/connect';
import { createCadence, createProspect, goodTemplate, type TestUser } from '../test/helpers/seed';
import type { cadenceWorkflow } from '../workflows/cadence';
import { cadenceStartOptions, stateQuery, type CadenceInput } from '../workflows/definitions';
import { MeasureError, mapLimit, median, ms, quantile, range, rate, sleep, within } from './measure-kit';

export interface BurstFigures {
  n: number;
  /** Each POST's time to its answer, all posted at once. */
  accept: number[];
  /** From the first POST to the last answer. */
  allAcceptedMs: number;
  /** From the first POST to every cadence reporting 'replied'. */
  allRepliedMs: number;
  /** Cadences whose state query failed, with why. */
  failed: string[];
}

export async function measureReplyBurst(deps: {
  n: number;
  client: Client;
  db: Db;
  taskQueue: string;
  draftingTaskQueue: string;
  apiUrl: string;
  integrationToken: string;
  owner: TestUser;
  log: (message: string) => void;
}): Promise<BurstFigures> {
  const { n, client, db, log } = deps;
  const cadenceId = await createCadence(db, [{ delaySeconds: 3 * 86_400, template: goodTemplate }]);
  const prospects = await mapLimit(range(n), 8, () => createProspect(db));
  log(`(c2) starting ${n} cadences that wait three days before their first step`);
  const handles = await mapLimit(prospects, 16, (p) => {
    const enrollment: CadenceInput = { enrollmentId: randomUUID(), prospectId: p.prospectId, cadenceId, ownerId: deps.owner.id, draftingTaskQueue: deps.draftingTaskQueue };
    return client.workflow.start<typeof cadenceWorkflow>(
      'cadenceWorkflow',
      cadenceStartOptions({ enrollment, taskQueue: deps.taskQueue, ownerId: deps.owner.id, prospectEmail: p.email, accountDomain: p.email.split('@')[1]!, summary: `bench burst cadence for ${p.email}` }),
    );
  });
  // A cadence whose query fails (a workflow task failing on the worker) is counted and its history kept for
  // study, not waited for: one broken cadence must not hide the figures of the others.
  const failed = new Map<string, string>();
  const untilState = (want: (status: string) => boolean, what: string) =>
    within(
      mapLimit(handles, 8, async (h) => {
        for (;;) {
          if (failed.has(h.workflowId)) return;
          try {
            if (want((await h.query(stateQuery)).status)) return;
          } catch (err) {
            const file = path.join(os.tmpdir(), `bench-burst-${h.workflowId}.history.json`);
            writeFileSync(file, JSON.stringify(await h.fetchHistory()));
            failed.set(h.workflowId, `${(err as Error).message} (history in ${file})`);
            log(`(c2) ${h.workflowId}: query failed: ${(err as Error).message}; history written to ${file}`);
            return;
          }
          await sleep(50);
        }
      }),
      120_000 + n * 200,
      what,
    );
  await untilState((s) => s === 'waiting', `for the ${n} burst cadences to wait`);

  log(`(c2) posting ${n} replies at once`);
  const t0 = performance.now();
  const accept = await Promise.all(
    prospects.map(async (p) => {
      const start = performance.now();
      const res = await fetch(`${deps.apiUrl}/v1/webhooks/inbound-reply`, {
        method: 'POST',
        headers: { authorization: `Bearer ${deps.integrationToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ messageId: `<bench-burst-${randomUUID()}@prospect.test>`, from: p.email, subject: 'Re: Quick question', text: 'Interested. Can we talk on Tuesday?' }),
      });
      const took = performance.now() - start;
      const body = (await res.json()) as { cadenceStopped?: boolean };
      if (res.status !== 202 || !body.cadenceStopped) throw new MeasureError(`a burst reply was answered ${res.status} ${JSON.stringify(body)}; expected 202 with cadenceStopped: true`);
      return took;
    }),
  );
  const allAcceptedMs = performance.now() - t0;
  await untilState((s) => s === 'replied', `for the ${n} burst cadences to report 'replied'`);
  return { n, accept, allAcceptedMs, allRepliedMs: performance.now() - t0, failed: [...failed].map(([id, why]) => `${id}: ${why}`) };
}

export function reportReplyBurst(f: BurstFigures, out: (line?: string) => void): void {
  out(
    `(c2) burst: ${f.n} replies posted at once to cadences waiting on a timer: each accepted (202) after median ${ms(median(f.accept))}, ` +
      `p99 ${ms(quantile(f.accept, 0.99))}, max ${ms(Math.max(...f.accept))}; all accepted in ${ms(f.allAcceptedMs)} (${rate(f.n / (f.allAcceptedMs / 1000))} replies/s); ` +
      `every cadence 'replied' ${ms(f.allRepliedMs)} after the first post`,
  );
  if (f.failed.length > 0) out(`    ${f.failed.length} cadence(s) could not be queried: ${f.failed.join('; ')}`);
}

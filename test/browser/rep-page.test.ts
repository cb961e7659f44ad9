import type { WorkflowHandle } from '@temporalio/client';
import { chromium, type Browser, type Page } from 'playwright-core';
import { unsubscribeFooter } from '../../activities/sending';
import { createToken } from '../../api/auth';
import { REP_PAGE_CSP } from '../../api/rep-page/page';
import { contentHash } from '../../db/content-hash';
import type { cadenceWorkflow } from '../../workflows/cadence';
import { eventually } from '../helpers/harness';
import { humanReply } from '../helpers/messages';
import { createCadence, goodTemplate } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';
import { findChromium, inCi } from './chromium';

// The rep's page (GET /app) in a real headless Chromium, against the whole stack on the dev server: the page
// logs in with an API token and drives the same JSON API, and what the rep approves arrives at the capture
// SMTP server.

const chromiumLookup = findChromium();

if (!chromiumLookup.path) {
  const why = `no Chromium found (looked at ${chromiumLookup.searched.join(', ')}): scripts/test.sh installs Debian's chromium when run as root (scripts/install-chromium.sh); or set CHROMIUM_PATH`;
  if (inCi()) {
    test('the rep page browser tests have a Chromium to run in', () => {
      throw new Error(why);
    });
  } else {
    console.warn(`rep-page browser tests skipped: ${why}`);
    test.skip(`rep page in a browser: skipped, ${why}`, () => undefined);
  }
} else {
  const executablePath = chromiumLookup.path;

  describe('the rep page in Chromium', () => {
    let stack: Stack;
    let browser: Browser;
    let seq = 0;
    const running: WorkflowHandle[] = [];
    /** Errors the pages reported (script errors, CSP violations), checked after each test. */
    let pageErrors: string[] = [];

    beforeAll(async () => {
      [stack, browser] = await Promise.all([
        startStack(),
        // Chromium's sandbox refuses to run as root.
        chromium.launch({ executablePath, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] }),
      ]);
    });

    afterAll(async () => {
      for (const handle of running) await handle.terminate('test done').catch(() => undefined);
      await browser?.close();
      await stack?.stop();
    });

    beforeEach(() => {
      pageErrors = [];
    });

    afterEach(() => {
      expect(pageErrors).toEqual([]);
    });

    /** Prospect-controlled text with markup in it: the page must show it as text, never run or render it. */
    const hostileTitle = `VP <img src=x id=pwned> Ops & "Sales"`;

    /** Enrolls a prospect over the API and waits for its first touch in the rep's queue. */
    async function enroll(steps = [{ delaySeconds: 0, template: goodTemplate }]) {
      const cadenceId = await createCadence(stack.database.db, steps);
      const id = `${Date.now().toString(36)}${(seq++).toString(36)}`;
      const email = `robin.${id}@tailspin-${id}.test`;
      const enrolled = await stack.api('POST', '/v1/enrollments', {
        body: {
          cadenceId,
          prospect: { email, firstName: 'Robin', lastName: 'Okafor', title: hostileTitle },
          account: { name: `Tailspin ${id}`, domain: `tailspin-${id}.test`, industry: 'logistics', tier: 'mid-market', dealValue: 20_000 },
        },
      });
      expect(enrolled.status).toBe(201);
      const handle = stack.client.workflow.getHandle<typeof cadenceWorkflow>(enrolled.body.workflowId);
      running.push(handle);
      const item = await eventually(async () => {
        const queue = await stack.api('GET', '/v1/approvals');
        return queue.body.items.find((i: any) => i.workflowId === enrolled.body.workflowId && i.step === 1);
      }, `the first touch of ${email} in the queue`);
      return { email, prospectId: enrolled.body.prospectId as string, handle, item };
    }

    /** A fresh browser context (its own sessionStorage) on /app (or a link into it), logged in with the token. */
    async function logIn(token: string, path = '/app'): Promise<Page> {
      const context = await browser.newContext();
      const page = await context.newPage();
      page.on('pageerror', (err) => pageErrors.push(`page error: ${err.message}`));
      page.on('console', (msg) => {
        // A refused request (401, 409, 422) is logged by Chromium itself; the page shows those on purpose.
        if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) pageErrors.push(`console: ${msg.text()}`);
      });
      await page.goto(`${stack.baseUrl}${path}`);
      await page.locator('#token').fill(token);
      await page.locator('#token').press('Enter');
      return page;
    }

    const decisionsOf = (approvalId: string) =>
      stack.database.db.selectFrom('approval_decisions').selectAll().where('approval_request_id', '=', approvalId).execute();

    test('GET /app and /app/ serve the page with a strict CSP; the page needs no token and holds no data', async () => {
      for (const path of ['/app', '/app/']) {
        const res = await fetch(stack.baseUrl + path);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toMatch(/^text\/html/);
        expect(res.headers.get('content-security-policy')).toBe(REP_PAGE_CSP);
        const html = await res.text();
        expect(html).toContain('<script src="/app/rep-page.js" defer></script>');
        expect(html).not.toMatch(/<script>|\son[a-z]+=/i);
      }
      expect(REP_PAGE_CSP).toContain("script-src 'self'");
      expect(REP_PAGE_CSP).toContain("require-trusted-types-for 'script'");
      const script = await fetch(`${stack.baseUrl}/app/rep-page.js`);
      expect(script.status).toBe(200);
      expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    });

    test('a rep logs in with a token, presses e, edits the draft, saves & approves, and exactly the edited text arrives by SMTP', async () => {
      const { email, item, handle } = await enroll();
      const page = await logIn(stack.team.rep.token);

      const card = page.locator(`article[data-approval-id="${item.id}"]`);
      await card.waitFor();
      // Shown on screen, the draft is recorded as viewed by this rep: review time counts from here.
      const view = await eventually(
        () => stack.database.db.selectFrom('approval_views').selectAll().where('approval_request_id', '=', item.id).executeTakeFirst(),
        'the page to report the view',
      );
      expect(view.viewer_id).toBe(stack.team.rep.id);
      // The context a rep decides on: prospect, account, why gated, confidence, spam check, draft, thread.
      await expect(card.locator('.prospect-email').textContent()).resolves.toBe(`<${email}>`);
      await expect(card.locator('.prospect-title').textContent()).resolves.toBe(hostileTitle);
      await expect(card.locator('.account').textContent()).resolves.toContain(`${item.account.name} (${item.account.domain})`);
      await expect(card.locator('.account').textContent()).resolves.toContain('tier mid-market');
      await expect(card.locator('.why-gated').textContent()).resolves.toContain('first-touch');
      await expect(card.locator('.draft-subject').textContent()).resolves.toBe(item.draft.subject);
      await expect(card.locator('.draft-body').textContent()).resolves.toBe(item.draft.body);
      expect(item.draft.body).toContain(hostileTitle);
      // Markup from the prospect is text: no element was made from it.
      expect(await page.locator('#pwned').count()).toBe(0);
      expect(await page.locator('main img').count()).toBe(0);

      await page.keyboard.press('e');
      const body = card.locator('textarea[name="body"]');
      await expect(body.inputValue()).resolves.toBe(item.draft.body);
      expect(await body.evaluate((el) => el.matches(':focus'))).toBe(true);

      // An edit with a blocking spam finding is refused inline with the finding, and nothing is sent.
      await body.fill('Hi Robin,\n\nThis is not spam, promise.\n\nDana');
      await card.locator('button[data-action="save-approve"]').click();
      await expect(card.locator('.error').getByText('BLOCKS SENDING').waitFor()).resolves.toBeUndefined();
      await expect(card.locator('.error').textContent()).resolves.toContain('trigger-phrase');
      expect(await decisionsOf(item.id)).toEqual([]);

      const edited = {
        subject: 'Robin, a <short> question & one idea',
        body: 'Hi Robin,\n\nI rewrote this in the rep page: how do your "handoffs" & <follow-ups> work today?\n\nBest,\nDana',
      };
      await card.locator('input[name="subject"]').fill(edited.subject);
      await body.fill(edited.body);
      await card.locator('button[data-action="save-approve"]').click();
      await page.locator('#flash').getByText('Edited and approved').waitFor();
      await card.waitFor({ state: 'detached' });

      const [message] = await stack.smtp.waitFor((m) => m.envelopeTo.includes(email));
      expect((await handle.result()).status).toBe('completed');
      expect(stack.smtp.messages.filter((m) => m.envelopeTo.includes(email))).toHaveLength(1);
      expect(message!.subject).toBe(edited.subject);
      expect(message!.text).toBe(`${edited.body}\n\n${unsubscribeFooter(message!.headers['list-unsubscribe']!.slice(1, -1))}`);
      const decisions = await decisionsOf(item.id);
      expect(decisions).toHaveLength(1);
      expect(decisions[0]).toMatchObject({ action: 'edit', actor_id: stack.team.rep.id, content_hash: contentHash(edited), first_viewed_at: view.first_viewed_at });
      // The time on screen, flushed before the decision: the card was in view while the rep edited it.
      expect(decisions[0]!.visible_ms).toBeGreaterThan(0);
      expect(decisions[0]!.visible_ms).toBeLessThanOrEqual(decisions[0]!.decided_at.getTime() - view.first_viewed_at.getTime() + 5_000);
      await page.context().close();
    });

    /** The timeline the page shows: each entry's seq, action and sentence, in page order. */
    const shownTimeline = (page: Page) =>
      page.locator('#view-timeline ol.timeline > li').evaluateAll((els) =>
        els.map((el) => ({
          seq: Number(el.getAttribute('data-seq')),
          action: el.getAttribute('data-event'),
          what: el.querySelector('.what')?.textContent ?? '',
          hash: el.querySelector('code.hash')?.getAttribute('title') ?? null,
          utc: el.querySelector('time')?.getAttribute('title') ?? null,
        })),
      );

    test("t and the Timeline button open a prospect's timeline, Esc and b go back; after an edit through the page it shows the whole story in chain order, as the API has it, also from /app#timeline/<id>", async () => {
      const { email, prospectId, item, handle } = await enroll();
      const page = await logIn(stack.team.rep.token);
      const card = page.locator(`article[data-approval-id="${item.id}"]`);
      await card.locator('h2').click();

      // Before the decision: t opens the selected item's timeline, which ends with the approval request.
      await page.keyboard.press('t');
      await page.locator('#view-timeline li[data-event="approval.requested"]').waitFor();
      expect(await page.locator('#view-queue').isHidden()).toBe(true);
      await expect(page.locator('.timeline-prospect').textContent()).resolves.toBe(`Robin Okafor <${email}>`);
      expect(new URL(page.url()).hash).toBe(`#timeline/${prospectId}`);
      const before = await shownTimeline(page);
      expect(before.map((e) => e.action)).toEqual(expect.arrayContaining(['draft.created', 'gate.decided', 'approval.requested']));
      await page.keyboard.press('Escape');
      await card.waitFor();
      expect(await page.locator('#view-timeline').isHidden()).toBe(true);
      expect(new URL(page.url()).hash).toBe('');
      // The visible button does the same, and b goes back.
      await card.locator('button[data-action="timeline"]').click();
      await page.locator('#view-timeline li[data-event="approval.requested"]').waitFor();
      await page.keyboard.press('b');
      await card.waitFor();

      await page.keyboard.press('e');
      const edited = { subject: 'Robin, one <quick> question', body: 'Hi Robin,\n\nHow do your "handoffs" & <follow-ups> work today?\n\nBest,\nDana' };
      await card.locator('input[name="subject"]').fill(edited.subject);
      await card.locator('textarea[name="body"]').fill(edited.body);
      await card.locator('button[data-action="save-approve"]').click();
      await page.locator('#flash').getByText('Edited and approved').waitFor();
      await stack.smtp.waitFor((m) => m.envelopeTo.includes(email));
      expect((await handle.result()).status).toBe('completed');
      await page.context().close();

      const api = await stack.api('GET', `/v1/prospects/${prospectId}/timeline`);
      expect(api.status).toBe(200);
      const apiEvents: Array<{ seq: number; action: string; hash: string; at: string; details: Record<string, unknown> }> = api.body.events;
      const story = ['draft.created', 'gate.decided', 'approval.requested', 'approval.decided', 'send.sent'];
      const positions = story.map((action) => apiEvents.findIndex((e) => e.action === action));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);

      // Opened by its link: the login comes first, then the timeline, not the queue.
      const linked = await logIn(stack.team.rep.token, `/app#timeline/${encodeURIComponent(prospectId)}`);
      await linked.locator('#view-timeline li[data-event="send.sent"]').waitFor();
      expect(await linked.locator('#view-queue').isHidden()).toBe(true);
      const shown = await shownTimeline(linked);
      expect(shown.map(({ seq, action, hash }) => ({ seq, action, hash }))).toEqual(apiEvents.map(({ seq, action, hash }) => ({ seq, action, hash })));
      const seqs = shown.map((e) => e.seq);
      expect(seqs.every((s, i) => Number.isInteger(s) && (i === 0 || s > seqs[i - 1]!))).toBe(true);
      expect(shown.map((e) => e.utc)).toEqual(apiEvents.map((e) => `${e.at.replace('T', ' ').replace(/\.\d+Z$/, '')} UTC`));
      await expect(linked.locator('#view-timeline li[data-event="approval.decided"] code.hash').first().textContent()).resolves.toMatch(/^[0-9a-f]{12}$/);

      // Every action of a real cadence is told in words, not as its raw name.
      expect(shown.filter((e) => e.what === e.action)).toEqual([]);
      const says = (action: string) => shown.find((e) => e.action === action)!.what;
      expect(says('draft.created')).toMatch(/^Draft v1 created from template .+ v1 \(confidence [01]\.\d\d\)$/);
      expect(says('gate.decided')).toMatch(/^Gated: .*first-touch/);
      expect(says('approval.requested')).toContain('draft v1');
      expect(says('approval.decided')).toMatch(/^Edited and approved: draft v1 → v2 \(subject changed, body \+\d+ −\d+ lines\) [\d.]+ s after it was first shown \([\d.]+ s in view\)$/);
      expect(says('approval.viewed')).toBe('Draft shown for review (review time counts from here)');
      const sent = apiEvents.find((e) => e.action === 'send.sent')!;
      expect(says('send.sent')).toBe(`Sent draft v2 from ${sent.details.mailbox} to ${email}`);
      // The edit's diff, with the rep's text as text.
      const decided = linked.locator('#view-timeline li[data-event="approval.decided"]');
      await expect(decided.locator('ins').textContent()).resolves.toBe(edited.subject);
      await expect(decided.locator('pre.diff').textContent()).resolves.toContain('+How do your "handoffs" & <follow-ups> work today?');
      expect(await linked.locator('main img').count()).toBe(0);

      // b from a timeline opened by its link goes to the queue.
      await linked.keyboard.press('b');
      await linked.locator('#view-queue').waitFor();
      expect(await linked.locator('#view-timeline').isHidden()).toBe(true);
      await linked.context().close();
    });

    test('j/k move between items; r rejects the selected one with a required reason, recorded; keys typed in a field are text, Escape cancels', async () => {
      const first = await enroll();
      const second = await enroll();
      const page = await logIn(stack.team.rep.token);
      const firstCard = page.locator(`article[data-approval-id="${first.item.id}"]`);
      const secondCard = page.locator(`article[data-approval-id="${second.item.id}"]`);
      await secondCard.waitFor();
      // Oldest first, and the first is selected.
      const ids = await page.locator('#view-queue article').evaluateAll((els) => els.map((el) => el.getAttribute('data-approval-id')));
      expect(ids.indexOf(first.item.id)).toBeLessThan(ids.indexOf(second.item.id));
      const selectedId = () => page.locator('#view-queue article[aria-current="true"]').getAttribute('data-approval-id');
      await page.keyboard.press('j');
      await expect(selectedId()).resolves.toBe(second.item.id);
      await page.keyboard.press('k');
      await expect(selectedId()).resolves.toBe(first.item.id);
      await page.keyboard.press('j');
      await expect(selectedId()).resolves.toBe(second.item.id);

      await page.keyboard.press('r');
      const reason = secondCard.locator('textarea[name="reason"]');
      expect(await reason.evaluate((el) => el.matches(':focus'))).toBe(true);
      // While typing, a and j are letters, not approve and next.
      await page.keyboard.type('aj');
      await expect(reason.inputValue()).resolves.toBe('aj');
      await expect(selectedId()).resolves.toBe(second.item.id);
      await reason.fill('');
      await secondCard.locator('button[data-action="confirm-reject"]').click();
      await expect(secondCard.locator('.error').textContent()).resolves.toBe('A reason is required to reject a draft.');
      await page.keyboard.press('Escape');
      await expect(reason.count()).resolves.toBe(0);
      expect(await decisionsOf(second.item.id)).toEqual([]);

      await page.keyboard.press('r');
      const why = 'Wrong persona: <Robin> runs ops, not "sales" & budget';
      await reason.fill(why);
      await secondCard.locator('input[value="end-cadence"]').check();
      await page.keyboard.press('Control+Enter');
      await page.locator('#flash').getByText('Rejected').waitFor();
      await secondCard.waitFor({ state: 'detached' });

      // The decision is recorded by the workflow's activity: read it once the cadence has ended.
      expect((await second.handle.result()).status).toBe('ended-by-rep');
      const decisions = await decisionsOf(second.item.id);
      expect(decisions).toHaveLength(1);
      expect(decisions[0]).toMatchObject({ action: 'reject', reason: why, reject_mode: 'end-cadence', actor_id: stack.team.rep.id, content_hash: null });
      // The other item is untouched and still waits.
      expect(await decisionsOf(first.item.id)).toEqual([]);
      await expect(firstCard.count()).resolves.toBe(1);
      expect(stack.smtp.messages.filter((m) => m.envelopeTo.includes(second.email))).toHaveLength(0);
      await page.context().close();
    });

    test('a wrong token shows the login error; a token revoked mid-session sends the rep back to the login form', async () => {
      const wrong = await logIn('cad_not-a-real-token');
      await expect(wrong.locator('#login-error').getByText('did not accept this token').waitFor()).resolves.toBeUndefined();
      await expect(wrong.locator('#login-error').textContent()).resolves.toContain('unknown or revoked token');
      expect(await wrong.locator('#main').isHidden()).toBe(true);
      expect(await wrong.evaluate('sessionStorage.length')).toBe(0);
      await wrong.context().close();

      const token = await createToken(stack.database.db, stack.team.rep.id, 'browser test');
      const page = await logIn(token);
      await page.locator('#main').waitFor();
      expect(await page.evaluate('Object.values(sessionStorage)')).toEqual([token]);
      await stack.database.db.updateTable('api_tokens').set({ revoked_at: new Date() }).where('label', '=', 'browser test').execute();
      // Reloading sends the rep back; so may the page's own next call (a view report), whichever comes first.
      await page
        .locator('#reload')
        .click({ timeout: 5_000 })
        .catch(async (err) => {
          if (!(await page.locator('#login').isVisible())) throw err;
        });
      await page.locator('#login').waitFor();
      await expect(page.locator('#login-error').textContent()).resolves.toContain('401');
      expect(await page.locator('#main').isHidden()).toBe(true);
      expect(await page.evaluate('sessionStorage.length')).toBe(0);
      await page.context().close();
    });

    test("the replies view shows a prospect's reply awaiting the rep, and the rep marks it done", async () => {
      const { email, prospectId, item, handle } = await enroll([
        { delaySeconds: 0, template: goodTemplate },
        { delaySeconds: 3600, template: goodTemplate },
      ]);
      expect((await stack.api('POST', `/v1/approvals/${item.id}/decision`, { body: { action: 'approve', draftVersion: 1 } })).status).toBe(200);
      const [sent] = await stack.smtp.waitFor((m) => m.envelopeTo.includes(email));
      const said = 'Sounds useful. Could you send pricing for about 40 seats before Thursday?';
      const reply = humanReply({ original: sent!, text: said });
      const posted = await fetch(`${stack.baseUrl}/v1/webhooks/inbound-reply`, {
        method: 'POST',
        headers: { authorization: `Bearer ${stack.team.integration.token}`, 'content-type': 'message/rfc822' },
        body: reply.raw,
      });
      expect(posted.status).toBe(202);
      const task = await eventually(
        async () => (await stack.api('GET', '/v1/tasks')).body.items.find((t: any) => t.kind === 'reply' && t.prospectId === prospectId),
        'the reply task',
      );
      // Its suggested answer, whose thread carries the reply's text.
      await eventually(async () => (await stack.api('GET', '/v1/approvals')).body.items.find((i: any) => i.prospect.id === prospectId), 'the suggested answer');

      const page = await logIn(stack.team.rep.token);
      await page.locator('#view-queue article').first().waitFor();
      await page.keyboard.press('2');
      const card = page.locator(`article[data-task-id="${task.id}"]`);
      await card.waitFor();
      await expect(card.locator('.reply-text').textContent()).resolves.toContain(said);
      // How the triage read it, and why: the rep can open the evidence.
      await expect(card.locator('details.triage summary').textContent()).resolves.toMatch(/^Read as question \(confidence \d+%\): why$/);
      await card.locator('details.triage summary').click();
      await expect(card.locator('.triage-reasons li').first().textContent()).resolves.toMatch(/^question: "/);
      await expect(page.locator('#count-replies').textContent()).resolves.toBe('(1)');
      // From the reply, t opens the prospect's timeline, with the reply and its intent; b comes back here.
      await page.keyboard.press('t');
      const received = page.locator('#view-timeline li[data-event="reply.received"] .what');
      await received.waitFor();
      await expect(received.textContent()).resolves.toMatch(/^Reply received from .+: intent [a-z ]+ \(confidence \d\.\d\d\).*\. Why: /);
      await page.keyboard.press('b');
      await card.waitFor();
      expect(await page.locator('#view-replies').isVisible()).toBe(true);
      await card.locator('input[name="notes"]').fill('Sent pricing from my own inbox');
      await card.locator('button[data-action="complete"]').click();
      await page.locator('#flash').getByText('Done').waitFor();
      await card.waitFor({ state: 'detached' });

      const row = await stack.database.db.selectFrom('tasks').selectAll().where('id', '=', task.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'done', completed_by: stack.team.rep.id, notes: 'Sent pricing from my own inbox' });
      expect((await handle.result()).status).toBe('replied');
      await page.context().close();
    });
  });
}

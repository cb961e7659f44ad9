// The volume part of `npm run bench`: the read paths at production-like volume. The caller hands over a fresh,
// migrated PostgreSQL database (it creates and drops it); this seeds it straight through SQL, set-based
// (generate_series, INSERT … SELECT: a few statements, no row-by-row inserts), with
//
//   - `approvals` pending approval requests spread over ~1 000 per rep (up to 100 reps, a manager per 20 reps),
//     each with its enrollment, prospect, account and draft, and the context the gate writes (draft, prospect,
//     account, prior thread); half of them wait on step 2, after an approved (or edited) and sent first touch;
//   - a history for the reports: one completed enrollment per ten pending approvals (first touch decided by a
//     rep, steps 2 and 3 sent automatically, replies, unsubscribes, hard bounces), so review metrics and the
//     boundary report read about as many decisions and sends as there are pending approvals (windows: 30 and 90
//     days, the defaults);
//   - `auditEvents` audit events for those enrollments (ten per enrollment, gate decisions among them, which the
//     review metrics read), inserted in transactions of AUDIT_BATCH rows so the chain trigger seals each batch at
//     its commit, on a connection of their own alongside the rest of the seed.
//
// Every seeded id carries a random tag, so whatever the database already holds is left alone (and counted by
// verify-audit, which walks the whole trail).
//
// then starts the real API (`node --import tsx api/main.ts`, its own OS process, rate limits off) and measures
//   - GET /v1/approvals with autocannon at a fixed request rate: a rep's queue, a manager's team view, and a
//     rep's page reached through nextCursor; and each page of a queue walked through nextCursor, one at a time;
//   - GET /v1/review-metrics (admin: everyone; manager: the team) and GET /v1/boundary-report, sequentially;
//   - `cadence verify-audit` (the CLI, its own process) over the whole trail: events per second.
//
// The API connects to Temporal at start-up (config/temporal-client.ts: Connection.connect, not lazy), though
// none of these routes use it: pass `temporalAddress` (the caller's dev server), else a Temporal dev server
// (in memory) is started here for the API and stopped at the end.
//
// It prints figures, not verdicts: the only checks are sanity checks that abort with a message.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { checkContent } from '../activities/spam-check';
import { hashToken } from '../api/auth';
import { loadTemporalConfig } from '../config/temporal';
import { createDb } from '../db/connect';
import { storeMissingEditDistances } from '../db/repositories/learning';
import { startApiProcess, type ApiProcess } from './api-process';
import { freePort, startDevServer, type DevServer } from './dev-server';
import { MeasureError, ms, quantile, rate, sleep } from './measure-kit';
import { repoRoot } from './tools';
import { goodTemplate } from '../test/helpers/seed';

export interface VolumeOptions {
  /** A fresh, migrated database (the caller creates and drops it; it may hold a little earlier data). */
  databaseUrl: string;
  /** Pending approval requests to seed. */
  approvals: number;
  /** Audit events to seed. */
  auditEvents: number;
  log: (m: string) => void;
  /** A Temporal frontend (host:port) for the API process to connect to; without it a dev server is started. */
  temporalAddress?: string;
  /** GET /v1/approvals request rate (200) and seconds per measured run (20; the deep page half of it). */
  rate?: number;
  durationSeconds?: number;
}

export interface LoadFigures {
  label: string;
  /** Items in the queue the requests read, and the page size. */
  queue: number;
  pageSize: number;
  rate: number;
  connections: number;
  seconds: number;
  /** Responses received (autocannon's own "sent" count adds the rate per connection at start: not used). */
  answered: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Latency in ms, over every response in the run. */
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** 1-minute load average of the machine before and after the run. */
  loadBefore: number;
  loadAfter: number;
  /** Transactions the database committed per answered request (warm-up and run; every API query is one): ≈ SQL statements per request. */
  statementsPerRequest: number;
}

export interface PageWalk {
  label: string;
  pages: number;
  items: number;
  pageSize: number;
  /** Latency of each page in order, ms. */
  latencies: number[];
  /** Size of the first page's answer. */
  bytes: number;
}

export interface EndpointTiming {
  label: string;
  samples: number[];
  bytes: number;
  /** What the answer said, for the sizes line (e.g. "106 queues, 53210 decisions"). */
  summary: string;
  loadBefore: number;
  loadAfter: number;
}

export interface VolumeFigures {
  pgVersion: string;
  cores: number;
  sizes: {
    approvals: number;
    auditEvents: number;
    reps: number;
    managers: number;
    perRep: number;
    perManagerTeam: number;
    accounts: number;
    prospects: number;
    enrollments: number;
    drafts: number;
    decidedRequests: number;
    decisions: number;
    sends: number;
    replies: number;
    suppressions: number;
  };
  seeding: {
    seconds: number;
    /** Everything but the audit trail. */
    otherSeconds: number;
    auditSeconds: number;
    auditPerSecond: number;
    auditBatch: number;
    vacuumSeconds: number;
    loadBefore: number;
    loadAfter: number;
  };
  approvals: LoadFigures[];
  walks: PageWalk[];
  endpoints: EndpointTiming[];
  verifyAudit: { events: number; seconds: number; startupSeconds: number; perSecond: number; intact: boolean; loadBefore: number; loadAfter: number };
}

/** Audit events per transaction: the chain trigger seals each row at its transaction's commit. */
const AUDIT_BATCH = 100_000;
const CADENCES = 4;
const PAGE = 50;
const ENDPOINT_SAMPLES = 10;
const ENDPOINT_MIN_SAMPLES = 3;
const ENDPOINT_BUDGET_MS = 15_000;

const load1 = () => os.loadavg()[0]!;

// --- seeding ---

const TEMPLATES = [
  // The tests' good template, with the opt-out line a real first touch carries.
  { subject: goodTemplate.subject, body: `${goodTemplate.body}\n\nNot interested? Reply "unsubscribe" and I will not write again.` },
  {
    subject: 'Following up, {{firstName}}',
    body: [
      'Hi {{firstName}},',
      '',
      'Following up on my note about follow-up time at {{company}}. Other {{industry}} teams we work with',
      'got back about four hours per rep each week once reminders and hand-offs stopped living in spreadsheets.',
      'Is this on your list for this quarter, or should I check back later?',
      '',
      '{{senderName}}',
      '',
      'Reply "unsubscribe" to stop these emails.',
    ].join('\n'),
  },
  {
    subject: 'Should I close the loop, {{firstName}}?',
    body: [
      'Hi {{firstName}},',
      '',
      'I have not heard back, so I will assume the timing is not right for {{company}}.',
      'If that changes, a one-line reply is all it takes and I will send over a few times that work.',
      '',
      'Thanks,',
      '{{senderName}}',
      '',
      'Reply "unsubscribe" to stop these emails.',
    ].join('\n'),
  },
];

const FIRST = ['Avery', 'Blake', 'Casey', 'Devon', 'Emery', 'Finley', 'Harper', 'Jordan', 'Kai', 'Logan', 'Morgan', 'Parker', 'Quinn', 'Reese', 'Rowan', 'Sawyer'];
const LAST = ['Adams', 'Brooks', 'Chen', 'Diaz', 'Evans', 'Fischer', 'Garcia', 'Hughes', 'Ito', 'Jensen', 'Khan', 'Lopez', 'Moreau', 'Novak', 'Okafor', 'Patel'];
const TITLES = ['VP Sales', 'Head of Revenue Operations', 'Sales Director', 'CFO', 'Controller', 'COO', 'Head of Growth', 'IT Director'];
const INDUSTRIES = ['logistics', 'healthcare', 'manufacturing', 'fintech', 'retail', 'construction', 'education', 'energy'];
const WORDS_A = ['Northwind', 'Harbor', 'Summit', 'Bluefin', 'Cedar', 'Ironwood', 'Lumen', 'Atlas'];
const WORDS_B = ['Logistics', 'Health', 'Works', 'Capital', 'Retail', 'Builders', 'Labs', 'Energy'];
const INTENTS: Array<[string, string, string]> = [
  ['interested', 'positive', 'Sounds interesting. Can we talk on Tuesday afternoon?'],
  ['not_interested', 'negative', 'Not interested, please take me off your list of people to chase.'],
  ['question', 'neutral', 'What does this cost for a team of twelve reps?'],
  ['out_of_office', 'neutral', 'I am out of the office until Monday with limited access to email.'],
  ['unsubscribe', 'negative', 'unsubscribe'],
  ['referral', 'neutral', 'I am not the right person; Sam in operations owns this.'],
];

const sqlArray = (values: string[]) => `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]`;
const lit = (v: string) => `'${v.replace(/'/g, "''")}'`;

interface Plan {
  tag: string;
  approvals: number;
  auditEvents: number;
  reps: number;
  managers: number;
  history: number;
  enrollments: number;
  accounts: number;
  tokens: { admin: string; manager: string; rep: string };
  ids: { admin: string; manager: string; rep: string };
}

function plan(approvals: number, auditEvents: number): Plan {
  const tag = `v${randomBytes(4).toString('hex')}`;
  const reps = Math.max(2, Math.min(100, Math.ceil(approvals / 1000)));
  const managers = Math.ceil(reps / 20);
  const history = Math.ceil(approvals / 10);
  const enrollments = approvals + history;
  const token = () => `cad_${randomBytes(32).toString('base64url')}`;
  return {
    tag,
    approvals,
    auditEvents,
    reps,
    managers,
    history,
    enrollments,
    accounts: Math.ceil(enrollments / 4),
    tokens: { admin: token(), manager: token(), rep: token() },
    ids: { admin: `${tag}-admin`, manager: `${tag}-mgr-1`, rep: `${tag}-rep-1` },
  };
}

/** The seeding statements, in order (each its own transaction), but the audit trail. */
function seedStatements(p: Plan, now: string): Array<{ what: string; sql: string }> {
  const NOW = `'${now}'::timestamptz`;
  const { tag: t, approvals: A, reps: R, managers: M, enrollments: N, accounts: NA } = p;
  const fill = (text: string) =>
    `replace(replace(replace(replace(replace(${text}, '{{firstName}}', p.first_name), '{{company}}', a.name), '{{industry}}', coalesce(a.industry, 'sales')), '{{title}}', coalesce(p.title, 'a leader')), '{{senderName}}', u.name)`;
  const hash = (subject: string, body: string) => `'sha256:' || encode(sha256(convert_to('[' || to_json(${subject})::text || ',' || to_json(${body})::text || ']', 'UTF8')), 'hex')`;
  // What checkContent finds in each step's text (the same for every prospect: only names differ).
  const findings = TEMPLATES.map((tpl) => lit(JSON.stringify(checkContent({ subject: tpl.subject.replace(/\{\{\w+\}\}/g, 'X'), body: tpl.body.replace(/\{\{\w+\}\}/g, 'X') }, { requireUnsubscribe: true }))));
  const aiRecord = lit(
    JSON.stringify({
      provider: 'local',
      model: 'gemma-3-270m-q4_k_m',
      version: `sha256:${'7'.repeat(64)}`,
      prompt: [
        { role: 'system', content: 'You write one short, specific opening line for a sales email. No claims you cannot back.' },
        { role: 'user', content: 'Prospect: a sales leader at a mid-size company. Write the opener.' },
      ],
      promptHash: `sha256:${'5'.repeat(64)}`,
      temperature: 0.4,
      seed: 7,
      maxTokens: 160,
      latencyMs: 900,
      promptTokens: 96,
      completionTokens: 31,
      raw: ['Saw your team doubled its warehouse footprint this year.'],
      slots: { opener: 'Saw your team doubled its warehouse footprint this year.' },
    }),
  );
  const firstTouch = `jsonb_build_object('rule', 'first-touch', 'detail', 'a first touch is never sent automatically')`;
  const lowConfidence = `jsonb_build_object('rule', 'low-confidence', 'detail', 'confidence ' || round(d.confidence::numeric, 2) || ' is below the threshold 0.85')`;
  const accountRules = `case when a.tier = 'strategic' then jsonb_build_array(jsonb_build_object('rule', 'strategic-account', 'detail', 'account tier "strategic" is strategic')) else '[]'::jsonb end
      || case when a.deal_value >= 50000 then jsonb_build_array(jsonb_build_object('rule', 'high-value-account', 'detail', 'deal value ' || a.deal_value || ' is at or above 50000')) else '[]'::jsonb end`;
  // The context the gate stores with a request (activities/approvals.ts openApprovalRequest).
  const context = (thread: string) => `jsonb_build_object(
      'draft', jsonb_build_object('draftId', d.id, 'version', d.version, 'subject', d.subject, 'body', d.body, 'contentHash', d.content_hash,
                                  'template', jsonb_build_object('id', d.template_id, 'version', d.template_version)),
      'confidence', d.confidence,
      'confidenceReasons', d.confidence_reasons,
      'spamFindings', (array[${findings.join(', ')}])[d.step]::jsonb,
      'whyGated', rules.r,
      'prospect', jsonb_build_object('id', p.id, 'email', p.email, 'name', p.first_name || ' ' || p.last_name, 'title', p.title),
      'account', jsonb_build_object('name', a.name, 'domain', a.domain, 'tier', a.tier, 'dealValue', a.deal_value, 'industry', a.industry),
      'thread', ${thread})`;
  const threadOf = `coalesce((select jsonb_agg(jsonb_build_object('direction', 'outbound', 'at', to_char(s.sent_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'subject', s.subject, 'body', s.body, 'messageId', s.message_id) order by s.sent_at)
      from sends s where s.enrollment_id = e.eid and s.status = 'sent' and s.sent_at < r.at), '[]'::jsonb)`;

  return [
    {
      what: 'users',
      sql: `insert into users (id, name, email, role, manager_id, timezone, created_at)
        select '${t}-admin', 'Volume Admin', 'volume.admin.${t}@seller.test', 'admin', null, 'UTC', ${NOW} - interval '400 days'
        union all
        select '${t}-mgr-' || m, 'Volume Manager ' || lpad(m::text, 2, '0'), 'volume.manager' || m || '.${t}@seller.test', 'manager', null, 'America/New_York', ${NOW} - interval '400 days'
        from generate_series(1, ${M}) m`,
    },
    {
      what: 'reps',
      sql: `insert into users (id, name, email, role, manager_id, timezone, created_at)
        select '${t}-rep-' || r, 'Volume Rep ' || lpad(r::text, 3, '0'), 'volume.rep' || r || '.${t}@seller.test', 'rep', '${t}-mgr-' || (1 + (r - 1) % ${M}),
          'America/New_York', ${NOW} - interval '300 days'
        from generate_series(1, ${R}) r`,
    },
    {
      what: 'api tokens',
      sql: `insert into api_tokens (id, user_id, token_hash, label) values
        ('${t}-tok-admin', '${p.ids.admin}', '${hashToken(p.tokens.admin)}', 'volume bench'),
        ('${t}-tok-mgr', '${p.ids.manager}', '${hashToken(p.tokens.manager)}', 'volume bench'),
        ('${t}-tok-rep', '${p.ids.rep}', '${hashToken(p.tokens.rep)}', 'volume bench')`,
    },
    {
      what: 'cadences',
      sql: `insert into cadences (id, name, created_at) select '${t}-c' || c, 'Volume outbound ' || c || ' (${t})', ${NOW} - interval '200 days' from generate_series(1, ${CADENCES}) c`,
    },
    {
      what: 'templates',
      sql: `insert into templates (id, name, version, subject, body, approved, created_at)
        select '${t}-c' || c || '-s' || s, 'volume-${t}-c' || c || '-s' || s, 1, (${sqlArray(TEMPLATES.map((x) => x.subject))})[s], (${sqlArray(TEMPLATES.map((x) => x.body))})[s], true, ${NOW} - interval '200 days'
        from generate_series(1, ${CADENCES}) c, generate_series(1, 3) s`,
    },
    {
      what: 'cadence steps',
      sql: `insert into cadence_steps (cadence_id, position, kind, delay_seconds, template_id)
        select '${t}-c' || c, s, 'email', case when s = 1 then 0 else 3 * 86400 end, '${t}-c' || c || '-s' || s
        from generate_series(1, ${CADENCES}) c, generate_series(1, 3) s`,
    },
    {
      what: 'accounts',
      sql: `insert into accounts (id, name, domain, tier, deal_value, industry, employee_count, timezone, country, segment, created_at, updated_at)
        select '${t}-a' || k, (${sqlArray(WORDS_A)})[1 + k % 8] || ' ' || (${sqlArray(WORDS_B)})[1 + (k / 8) % 8] || ' ' || k, 'acct' || k || '-${t}.example',
          case when k % 40 = 0 then 'strategic' else 'standard' end, 5000 + (k * 7919) % 60000, (${sqlArray(INDUSTRIES)})[1 + (k / 3) % 8], 20 + (k * 31) % 2000,
          'America/New_York', 'US', case when k % 3 = 0 then 'enterprise' else 'mid-market' end, ${NOW} - interval '200 days', ${NOW} - interval '200 days'
        from generate_series(1, ${NA}) k`,
    },
    {
      // The plan of every enrollment: which group, owner, cadence, and when things happened. P (i <= A): a pending
      // request, on step 1 (even i) or on step 2 after a decided and sent step 1 (odd i), within the last 14 days.
      // H: a finished enrollment whose first touch was decided 7 to 90 days ago; steps 2 and 3 went automatically.
      what: 'enrollment plan (temporary table)',
      sql: `create temp table vol_e as
        with base as (
          select i, i <= ${A} as pending, 1 + (i - 1) % ${R} as rep, 1 + (i - 1) % ${CADENCES} as cad, 1 + (i - 1) / 4 as acct, i % 5 = 0 as ai,
            random() as r1, random() as r2, random() as r3, random() as r4
          from generate_series(1, ${N}) i
        ), timed as (
          select b.*,
            case when pending then ${NOW} - interval '5 minutes' - r1 * interval '14 days' end as preq_at,
            case when pending and i % 2 = 1 then ${NOW} - interval '3 days' - r1 * interval '14 days' - r2 * interval '4 days'
                 when not pending then ${NOW} - interval '7 days' - r2 * interval '83 days' end as req1_at
          from base b
        )
        select t.*,
          '${t}-e' || i as eid, '${t}-p' || i as pid,
          case when pending and i % 2 = 0 then 1 when pending then 2 end as pstep,
          req1_at + interval '1 minute' + r3 * interval '8 hours' as dec1_at,
          req1_at + interval '2 minutes' + r3 * interval '8 hours' as sent1_at,
          case when pending then (case when r4 < 0.85 then 'approve' else 'edit' end)
               else (case when r4 < 0.75 then 'approve' when r4 < 0.87 then 'edit' else 'reject' end) end as action1,
          -- Every tenth rep (7, 17, …) approves without reading (theater the review metrics flag); a tenth of decisions are the manager's.
          case when i % 10 = 3 then '${t}-mgr-' || (1 + ((i - 1) % ${R}) % ${M}) else '${t}-rep-' || (1 + (i - 1) % ${R}) end as decider,
          case when (1 + (i - 1) % ${R}) % 10 = 7 then (case when r1 < 0.5 then null else 1 end) else 20 + floor(r3 * 280)::int end as review_s,
          not pending and i % 5 = 1 as replied,
          1 + (i / 5) % 6 as intent
        from timed t`,
    },
    {
      what: 'enrollment plan: analyze',
      sql: `analyze vol_e`,
    },
    {
      what: 'prospects',
      sql: `insert into prospects (id, email, normalized_email, first_name, last_name, title, timezone, account_id, created_at, updated_at)
        select pid, email, email, fn, ln, (${sqlArray(TITLES)})[1 + i % 8], 'America/New_York', '${t}-a' || acct, c, c
        from (
          select e.*, (${sqlArray(FIRST)})[1 + i % 16] as fn, (${sqlArray(LAST)})[1 + (i / 16) % 16] as ln,
            lower((${sqlArray(FIRST)})[1 + i % 16]) || '.' || lower((${sqlArray(LAST)})[1 + (i / 16) % 16]) || '.' || i || '@acct' || acct || '-${t}.example' as email,
            coalesce(req1_at, preq_at) - interval '1 day' as c
          from vol_e e
        ) x`,
    },
    {
      what: 'enrollments',
      sql: `insert into enrollments (id, workflow_id, prospect_id, cadence_id, owner_id, status, current_step, started_at, updated_at, ended_at, sending_mailbox)
        select eid, 'cadence-' || eid, pid, '${t}-c' || cad, '${t}-rep-' || rep,
          case when pending then 'awaiting-approval' when action1 = 'reject' then 'ended-by-rep' when replied and intent <> 4 then 'replied' else 'completed' end,
          case when pending then pstep when action1 = 'reject' or (replied and intent <> 4) then 1 else 3 end,
          coalesce(req1_at, preq_at) - interval '10 minutes', coalesce(preq_at, sent1_at + interval '6 days'),
          case when pending then null else sent1_at + interval '6 days' end,
          'volume.rep' || rep || '.${t}@seller.test'
        from vol_e`,
    },
    {
      // Version 1 of every drafted step: step 1 of all, step 2 of the pending-on-step-2 and of finished enrollments
      // that went on, step 3 of those. A fifth are drafted by the embedded model.
      what: 'drafts',
      sql: `insert into drafts (id, enrollment_id, step, version, author, subject, body, content_hash, template_id, template_version, enrichment, confidence, confidence_reasons, kind, drafter, ai, created_at)
        select x.did, e.eid, x.step, 1, case when e.ai then 'component:drafter:local:gemma-3-270m-q4_k_m' else 'component:drafter:template' end,
          x.subject, x.body, ${hash('x.subject', 'x.body')}, tm.id, 1,
          jsonb_build_object('company', a.name, 'industry', a.industry, 'title', p.title),
          x.confidence,
          case when x.confidence < 0.85 then jsonb_build_array(jsonb_build_object('code', 'generic-opening', 'effect', -0.25, 'detail', 'the opening names nothing specific to the prospect')) else '[]'::jsonb end,
          'step', case when e.ai then 'local:gemma-3-270m-q4_k_m' else 'template' end, case when e.ai then ${aiRecord}::jsonb end,
          x.at - interval '1 minute'
        from vol_e e
        join prospects p on p.id = e.pid
        join accounts a on a.id = p.account_id
        join users u on u.id = '${t}-rep-' || e.rep
        cross join generate_series(1, 3) tm0(step)
        join templates tm on tm.id = '${t}-c' || e.cad || '-s' || tm0.step
        cross join lateral (
          select tm0.step as step, e.eid || '-s' || tm0.step || '-v1' as did,
            ${fill('tm.subject')} as subject, ${fill('tm.body')} as body,
            case when tm0.step = 1 then 0.9 + e.r2 * 0.09 when e.pending then 0.55 + e.r3 * 0.25 else 0.86 + e.r3 * 0.13 end as confidence,
            case tm0.step when 1 then coalesce(e.req1_at, e.preq_at) when 2 then coalesce(e.preq_at, e.sent1_at + interval '3 days') else e.sent1_at + interval '6 days' end as at
        ) x
        where tm0.step = 1
           or (tm0.step = 2 and (e.pstep = 2 or (not e.pending and e.action1 <> 'reject' and not (e.replied and e.intent <> 4))))
           or (tm0.step = 3 and not e.pending and e.action1 <> 'reject' and not (e.replied and e.intent <> 4))`,
    },
    {
      what: 'drafts: the reps’ edits',
      sql: `insert into drafts (id, enrollment_id, step, version, author, subject, body, content_hash, template_id, template_version, confidence, kind, drafter, created_at)
        select e.eid || '-s1-v2', e.eid, 1, 2, 'user:' || e.decider, d.subject, x.body, ${hash('d.subject', 'x.body')}, d.template_id, d.template_version, null, 'step', null, e.dec1_at
        from vol_e e
        join drafts d on d.id = e.eid || '-s1-v1'
        cross join lateral (select replace(d.body, 'Would a short call next week be useful to compare notes?', 'Would 20 minutes on Thursday work to compare notes?') as body) x
        where e.req1_at is not null and e.action1 = 'edit'`,
    },
    {
      // What went out: every decided first touch but the rejected ones (the rep's version when edited), and the
      // automatic steps 2 and 3. Some hard bounces.
      what: 'sends',
      sql: `insert into sends (id, idempotency_key, message_id, enrollment_id, prospect_id, step, draft_id, draft_version, mailbox, recipient, recipient_domain,
          subject, body, content_hash, status, created_at, sent_at, slot_at, handed_off_at, attempt, bounced_at, bounce_kind)
        select e.eid || '-send-' || d.step, '${t}:' || e.i || ':' || d.step, '<' || e.eid || '.' || d.step || '@cadence.local>', e.eid, e.pid, d.step, d.id, d.version,
          'volume.rep' || e.rep || '.${t}@seller.test', p.email, split_part(p.email, '@', 2),
          d.subject, d.body, d.content_hash, 'sent', x.at - interval '1 minute', x.at, x.at, x.at, 1,
          case when not e.pending and e.i % 97 = 0 and d.step = 1 then x.at + interval '5 minutes' end,
          case when not e.pending and e.i % 97 = 0 and d.step = 1 then 'hard' end
        from vol_e e
        join prospects p on p.id = e.pid
        join drafts d on d.enrollment_id = e.eid
        cross join lateral (select case d.step when 1 then e.sent1_at when 2 then e.sent1_at + interval '3 days' else e.sent1_at + interval '6 days' end as at) x
        where e.req1_at is not null and e.action1 <> 'reject'
          and ((d.step = 1 and d.version = case when e.action1 = 'edit' then 2 else 1 end) or (d.step > 1 and not e.pending))`,
    },
    {
      // Decided first touches (pending on step 2, and finished enrollments), then the pending requests, each with the
      // context the gate wrote when it opened the request.
      what: 'approval requests (decided)',
      sql: `insert into approval_requests (id, enrollment_id, workflow_id, prospect_id, owner_id, step, draft_id, draft_version, status, gate_rules, policy_version, context,
          remind_at, created_at, resolved_at, kind)
        select e.eid || '-ar1', e.eid, 'cadence-' || e.eid, e.pid, '${t}-rep-' || e.rep, 1, d.id, 1,
          case e.action1 when 'approve' then 'approved' when 'edit' then 'edited' else 'rejected' end,
          rules.r, 'config:volumebench0', ${context('\'[]\'::jsonb')},
          e.req1_at + interval '4 hours', e.req1_at, e.dec1_at, 'step'
        from vol_e e
        join prospects p on p.id = e.pid
        join accounts a on a.id = p.account_id
        join drafts d on d.id = e.eid || '-s1-v1'
        cross join lateral (select jsonb_build_array(${firstTouch}) || ${accountRules} as r) rules
        where e.req1_at is not null`,
    },
    {
      what: 'approval requests (pending)',
      sql: `insert into approval_requests (id, enrollment_id, workflow_id, prospect_id, owner_id, step, draft_id, draft_version, status, gate_rules, policy_version, context,
          remind_at, reminded_at, escalated_at, created_at, kind)
        select e.eid || '-ar' || e.pstep, e.eid, 'cadence-' || e.eid, e.pid, '${t}-rep-' || e.rep, e.pstep, d.id, 1, 'pending',
          rules.r, 'config:volumebench0', ${context(threadOf)},
          r.at + interval '4 hours',
          case when r.at + interval '4 hours' <= ${NOW} then r.at + interval '4 hours' end,
          case when r.at + interval '24 hours' <= ${NOW} then r.at + interval '24 hours' end,
          r.at, 'step'
        from vol_e e
        cross join lateral (select e.preq_at as at) r
        join prospects p on p.id = e.pid
        join accounts a on a.id = p.account_id
        join drafts d on d.id = e.eid || '-s' || e.pstep || '-v1'
        cross join lateral (select case when e.pstep = 1 then jsonb_build_array(${firstTouch}) else jsonb_build_array(${lowConfidence}) end || ${accountRules} as r) rules
        where e.pending`,
    },
    {
      what: 'approval decisions',
      sql: `insert into approval_decisions (id, approval_request_id, actor_id, action, reject_mode, reason, draft_version, content_hash, decided_at, recorded_at, first_viewed_at, visible_ms)
        select e.eid || '-ad1', e.eid || '-ar1', e.decider, e.action1,
          case when e.action1 = 'reject' then 'end-cadence' end,
          case e.action1 when 'reject' then (array['wrong person', 'existing customer', 'tone is off', null])[1 + e.i % 4] when 'edit' then 'more specific ask' end,
          1, coalesce(v2.content_hash, d.content_hash), e.dec1_at, e.dec1_at,
          case when e.review_s is not null then e.dec1_at - e.review_s * interval '1 second' end,
          case when e.review_s is not null then e.review_s * 900 end
        from vol_e e
        join drafts d on d.id = e.eid || '-s1-v1'
        left join drafts v2 on v2.id = e.eid || '-s1-v2'
        where e.req1_at is not null`,
    },
    {
      what: 'approval views',
      sql: `insert into approval_views (approval_request_id, viewer_id, first_viewed_at, last_reported_at, visible_ms)
        select ad.approval_request_id, ad.actor_id, ad.first_viewed_at, ad.decided_at, ad.visible_ms
        from approval_decisions ad join vol_e e on ad.id = e.eid || '-ad1'
        where ad.first_viewed_at is not null`,
    },
    {
      what: 'replies',
      sql: `insert into replies (id, message_id, prospect_id, enrollment_id, matched_by, from_address, subject, body, in_reply_to, "references",
          received_at, recorded_at, signaled_at, intent, sentiment, escalate, triage)
        select e.eid || '-reply', '<reply.' || e.eid || '@' || split_part(s.recipient, '@', 2) || '>', e.pid, e.eid, 'in-reply-to', s.recipient, 'Re: ' || s.subject,
          (${sqlArray(INTENTS.map((x) => x[2]))})[e.intent] || E'\\n\\n> ' || left(s.body, 120),
          s.message_id, jsonb_build_array(s.message_id), x.at, x.at, x.at,
          (${sqlArray(INTENTS.map((x) => x[0]))})[e.intent], (${sqlArray(INTENTS.map((x) => x[1]))})[e.intent], e.intent = 1,
          jsonb_build_object('intent', (${sqlArray(INTENTS.map((x) => x[0]))})[e.intent], 'confidence', 0.9, 'classifier', 'rules')
        from vol_e e
        join sends s on s.id = e.eid || '-send-1'
        cross join lateral (select s.sent_at + interval '1 hour' + e.r1 * interval '2 days' as at) x
        where e.replied`,
    },
    {
      // Unsubscribed by reply, and by the one-click link (no reply) for some others.
      what: 'suppressions',
      sql: `insert into suppressions (id, kind, value, reason, source, created_at)
        select e.eid || '-unsub', 'address', lower(p.email), 'unsubscribed', case when e.replied then 'reply' else 'unsubscribe-link' end,
          case when e.replied then r.received_at else e.sent1_at + interval '1 day' end
        from vol_e e
        join prospects p on p.id = e.pid
        left join replies r on r.id = e.eid || '-reply'
        where not e.pending and e.action1 <> 'reject' and ((e.replied and e.intent = 5) or (not e.replied and e.i % 53 = 0))`,
    },
  ];
}

/**
 * One batch of the audit trail: events n in [from, to], ten per enrollment (enrollment 1 + ((n - 1) / 10) mod N), in
 * the order of its first touch's life: started, drafted, scored, gate decision (first touch: gated), approval
 * requested, viewed, decided, send scheduled and sent, then step 2's gate decision (gated for two in five). Time
 * runs forward with n over the last 90 days. The review metrics count the gate decisions.
 */
function auditBatch(p: Plan, now: string, from: number, to: number): string {
  const NOW = `'${now}'::timestamptz`;
  const { tag: t, enrollments: N, auditEvents: E, reps: R } = p;
  return `insert into audit_events (event_key, occurred_at, actor, action, prospect_id, enrollment_id, step, content_hash, details)
    select 'vol:${t}:' || n, ${NOW} - interval '90 days' + (n::float8 / ${E}) * interval '89 days 23 hours', x.actor, x.action,
      '${t}-p' || k, '${t}-e' || k, case when slot = 9 then 2 else 1 end, 'sha256:' || md5(k::text) || md5(n::text), x.details
    from generate_series(${from}, ${to}) n
    cross join lateral (select 1 + ((n - 1) / 10) % ${N} as k, (n - 1) % 10 as slot) g
    cross join lateral (select 'user:${t}-rep-' || (1 + (k - 1) % ${R}) as owner, '${t}-e' || k as eid) o
    cross join lateral (
      select
        (array['component:cadence', 'component:drafter:template', 'component:scoring', 'component:gate-policy', 'component:gate-policy',
               o.owner, o.owner, 'component:sender', 'component:sender', 'component:gate-policy'])[1 + slot] as actor,
        (array['enrollment.started', 'draft.created', 'draft.scored', 'gate.decided', 'approval.requested', 'approval.viewed', 'approval.decided',
               'send.scheduled', 'send.sent', 'gate.decided'])[1 + slot] as action,
        case slot
          when 0 then jsonb_build_object('cadenceId', '${t}-c' || (1 + (k - 1) % ${CADENCES}), 'ownerId', substr(o.owner, 6))
          when 1 then jsonb_build_object('draftId', o.eid || '-s1-v1', 'drafter', 'template', 'version', 1)
          when 2 then jsonb_build_object('draftId', o.eid || '-s1-v1', 'confidence', round((0.55 + (k % 45) / 100.0)::numeric, 2), 'reasons', '[]'::jsonb)
          when 3 then jsonb_build_object('draftId', o.eid || '-s1-v1', 'gated', true, 'policyVersion', 'config:volumebench0',
                        'rules', jsonb_build_array(jsonb_build_object('rule', 'first-touch', 'detail', 'a first touch is never sent automatically')))
          when 4 then jsonb_build_object('approvalId', o.eid || '-ar1', 'ownerId', substr(o.owner, 6), 'draftVersion', 1,
                        'rules', jsonb_build_array(jsonb_build_object('rule', 'first-touch', 'detail', 'a first touch is never sent automatically')))
          when 5 then jsonb_build_object('approvalId', o.eid || '-ar1', 'visibleMs', 4000 + n % 60000)
          when 6 then jsonb_build_object('approvalId', o.eid || '-ar1', 'decision', 'approve', 'shownDraftVersion', 1, 'sentDraftVersion', 1)
          when 7 then jsonb_build_object('messageId', '<' || o.eid || '.1@cadence.local>', 'mailbox', 'volume.rep' || (1 + (k - 1) % ${R}) || '.${t}@seller.test')
          when 8 then jsonb_build_object('messageId', '<' || o.eid || '.1@cadence.local>', 'attempt', 1)
          else jsonb_build_object('draftId', o.eid || '-s2-v1', 'gated', k % 5 < 2, 'policyVersion', 'config:volumebench0',
                 'rules', case when k % 5 < 2 then jsonb_build_array(jsonb_build_object('rule', 'low-confidence', 'detail', 'confidence below the threshold 0.85')) else '[]'::jsonb end)
        end as details
    ) x`;
}

interface SeedResult {
  counts: VolumeFigures['sizes'];
  seeding: VolumeFigures['seeding'];
}

async function seed(databaseUrl: string, p: Plan, log: (m: string) => void): Promise<SeedResult> {
  const now = new Date().toISOString();
  const loadBefore = load1();
  const started = performance.now();
  const [client, auditClient] = [new Client({ connectionString: databaseUrl }), new Client({ connectionString: databaseUrl })];
  let ended = false;
  const endAll = async () => {
    if (ended) return;
    ended = true;
    await Promise.allSettled([client.end(), auditClient.end()]);
  };
  /** On a failure, closing both connections stops the other half at once instead of after minutes. */
  const failFast = <T>(promise: Promise<T>) =>
    promise.catch(async (err: unknown) => {
      await endAll();
      throw err;
    });
  await client.connect();
  await auditClient.connect();
  try {
    for (const c of [client, auditClient]) {
      // These sessions only: a crash loses the seed, not the server's data.
      await c.query(`set synchronous_commit = off`);
      await c.query(`set work_mem = '64MB'`);
    }
    const run = async (step: { what: string; sql: string }) => {
      const t0 = performance.now();
      const res = await client.query(step.sql);
      log(`seeded ${step.what}${res.rowCount ? `: ${res.rowCount} rows` : ''} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    };
    const statements = seedStatements(p, now);
    const split = statements.findIndex((st) => st.what === 'enrollments') + 1;
    for (const step of statements.slice(0, split)) await run(step);

    // The audit trail (it needs only the prospects and enrollments) on a second connection, alongside the rest.
    const rest = (async () => {
      for (const step of statements.slice(split)) await run(step);
      return (performance.now() - started) / 1000;
    })();
    const auditStarted = performance.now();
    const audit = (async () => {
      for (let from = 1; from <= p.auditEvents; from += AUDIT_BATCH) {
        const to = Math.min(p.auditEvents, from + AUDIT_BATCH - 1);
        const t0 = performance.now();
        // One statement, one transaction: the deferred seal trigger chains the batch at its commit.
        await auditClient.query(auditBatch(p, now, from, to));
        log(`seeded audit events ${from}–${to} (${((performance.now() - t0) / 1000).toFixed(1)} s, sealed at commit)`);
      }
      return (performance.now() - auditStarted) / 1000;
    })();
    const [restDone, auditDone] = await Promise.allSettled([failFast(rest), failFast(audit)]);
    if (restDone.status === 'rejected') throw restDone.reason;
    if (auditDone.status === 'rejected') throw auditDone.reason;
    const otherSeconds = restDone.value;
    const auditSeconds = auditDone.value;
    const unsealed = await client.query<{ n: string }>(`select count(*)::text as n from audit_events where seq is null and event_key like 'vol:${p.tag}:%'`);
    if (unsealed.rows[0]!.n !== '0') throw new MeasureError(`${unsealed.rows[0]!.n} seeded audit events were left unsealed`);

    // The seed writes decisions as rows; recordDecision also stores each edit's distance from the draft shown.
    const edits = await createDb({ databaseUrl });
    try {
      const t0 = performance.now();
      log(`stored the edit distance of ${await storeMissingEditDistances(edits)} seeded edits (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    } finally {
      await edits.destroy();
    }

    // The seal updates every row once: vacuum the dead versions and refresh the statistics, as autovacuum would
    // eventually, so the measurements do not race it.
    const vacuumStarted = performance.now();
    await client.query(
      `vacuum (analyze) users, api_tokens, accounts, prospects, enrollments, drafts, approval_requests, approval_decisions, approval_views, sends, replies, suppressions, audit_events`,
    );
    const vacuumSeconds = (performance.now() - vacuumStarted) / 1000;
    log(`vacuum (analyze) ${vacuumSeconds.toFixed(1)} s`);

    const count = async (table: string, where = 'true') => {
      const { rows } = await client.query<{ n: string }>(`select count(*)::text as n from ${table} where ${where}`);
      return Number(rows[0]!.n);
    };
    const like = (column: string) => `${column} like '${p.tag}-%'`;
    const counts: VolumeFigures['sizes'] = {
      approvals: await count('approval_requests', `status = 'pending' and ${like('id')}`),
      auditEvents: await count('audit_events', `event_key like 'vol:${p.tag}:%'`),
      reps: p.reps,
      managers: p.managers,
      perRep: await count('approval_requests', `status = 'pending' and owner_id = '${p.ids.rep}'`),
      perManagerTeam: await count('approval_requests', `status = 'pending' and owner_id in (select id from users where id = '${p.ids.manager}' or manager_id = '${p.ids.manager}')`),
      accounts: await count('accounts', like('id')),
      prospects: await count('prospects', like('id')),
      enrollments: await count('enrollments', like('id')),
      drafts: await count('drafts', like('id')),
      decidedRequests: await count('approval_requests', `status <> 'pending' and ${like('id')}`),
      decisions: await count('approval_decisions', like('id')),
      sends: await count('sends', like('id')),
      replies: await count('replies', like('id')),
      suppressions: await count('suppressions', like('id')),
    };
    if (counts.approvals !== p.approvals) throw new MeasureError(`seeded ${counts.approvals} pending approvals, expected ${p.approvals}`);
    if (counts.auditEvents !== p.auditEvents) throw new MeasureError(`seeded ${counts.auditEvents} audit events, expected ${p.auditEvents}`);
    await client.query(`drop table vol_e`);
    return {
      counts,
      seeding: {
        seconds: (performance.now() - started) / 1000,
        otherSeconds,
        auditSeconds,
        auditPerSecond: p.auditEvents / auditSeconds,
        auditBatch: AUDIT_BATCH,
        vacuumSeconds,
        loadBefore,
        loadAfter: load1(),
      },
    };
  } finally {
    await endAll();
  }
}

// --- the API process ---

// --- measuring ---

interface QueuePage {
  items: Array<{ id: string; ownerId: string; draft: { subject: string }; thread: unknown[] }>;
  nextCursor: string | null;
}

async function getJson<T>(url: string, token: string): Promise<{ body: T; ms: number; bytes: number }> {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  const elapsed = performance.now() - t0;
  if (res.status !== 200) throw new MeasureError(`GET ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return { body: JSON.parse(text) as T, ms: elapsed, bytes: Buffer.byteLength(text) };
}

async function load(
  label: string,
  url: string,
  token: string,
  figures: { queue: number; rate: number; seconds: number; warmupSeconds: number },
  commits: () => Promise<number>,
  log: (m: string) => void,
): Promise<LoadFigures> {
  const connections = 10;
  // Latencies are taken from each response (autocannon's own histogram, in rate mode, backfills every sample with
  // synthetic ones 1 ms apart, which drags its percentiles down; ignoreCoordinatedOmission turns that off too).
  const run = (duration: number) =>
    new Promise<{ result: autocannon.Result; latencies: number[] }>((resolve, reject) => {
      const latencies: number[] = [];
      const instance = autocannon(
        { url, headers: { authorization: `Bearer ${token}` }, connections, overallRate: figures.rate, duration, timeout: 10, ignoreCoordinatedOmission: true },
        (err, result) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve({ result, latencies })),
      );
      instance.on('response', (_client, _status, _bytes, latency) => latencies.push(latency));
    });
  log(`${label}: warm-up ${figures.warmupSeconds} s, then ${figures.rate} requests/s for ${figures.seconds} s (autocannon, ${connections} connections)`);
  const commitsBefore = await commits();
  const warmup = await run(figures.warmupSeconds);
  const loadBefore = load1();
  const { result: r, latencies } = await run(figures.seconds);
  // The API's sessions report their counts when idle, at most a second late.
  await sleep(1500);
  const statementsPerRequest = (await commits()) - commitsBefore;
  if (latencies.length === 0) throw new MeasureError(`${label}: no response at all in ${figures.seconds} s (${r.errors} errors, ${r.timeouts} timeouts)`);
  const result: LoadFigures = {
    label,
    queue: figures.queue,
    pageSize: Number(new URL(url).searchParams.get('limit') ?? PAGE),
    rate: figures.rate,
    connections,
    seconds: r.duration,
    answered: latencies.length,
    ok: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    p50: quantile(latencies, 0.5),
    p90: quantile(latencies, 0.9),
    p99: quantile(latencies, 0.99),
    max: Math.max(...latencies),
    loadBefore,
    loadAfter: load1(),
    statementsPerRequest: statementsPerRequest / (latencies.length + warmup.latencies.length),
  };
  log(
    `${label}: p50 ${ms(result.p50)}, p99 ${ms(result.p99)}, max ${ms(result.max)}; ${result.answered} answered (${rate(result.answered / result.seconds)}/s), ` +
      `${result.non2xx} non-2xx, ${result.errors} errors`,
  );
  return result;
}

/** Walks a queue through nextCursor, one page at a time, up to `maxPages`; returns the walk and each page's cursor. */
async function walk(label: string, api: string, token: string, maxPages: number, check: (page: QueuePage) => void): Promise<{ walk: PageWalk; cursors: string[] }> {
  const latencies: number[] = [];
  const cursors: string[] = [];
  let cursor: string | null = null;
  let items = 0;
  let bytes = 0;
  for (let page = 0; page < maxPages; page++) {
    const query: string = cursor ? `&cursor=${cursor}` : '';
    const r = await getJson<QueuePage>(`${api}/v1/approvals?limit=${PAGE}${query}`, token);
    const body = r.body;
    check(body);
    latencies.push(r.ms);
    if (page === 0) bytes = r.bytes;
    items += body.items.length;
    if (!body.nextCursor) break;
    cursors.push(body.nextCursor);
    cursor = body.nextCursor;
  }
  return { walk: { label, pages: latencies.length, items, pageSize: PAGE, latencies, bytes }, cursors };
}

async function timeEndpoint(
  label: string,
  url: string,
  token: string,
  summarize: (body: any) => string,
  log: (m: string) => void,
  check: (body: any) => void = () => undefined,
): Promise<EndpointTiming> {
  check((await getJson(url, token)).body); // warm-up, not counted
  const loadBefore = load1();
  const samples: number[] = [];
  let bytes = 0;
  let summary = '';
  const started = performance.now();
  // Up to ENDPOINT_SAMPLES requests, fewer (at least ENDPOINT_MIN_SAMPLES) once ENDPOINT_BUDGET_MS is spent.
  for (let i = 0; i < ENDPOINT_SAMPLES && (i < ENDPOINT_MIN_SAMPLES || performance.now() - started < ENDPOINT_BUDGET_MS); i++) {
    const r = await getJson<any>(url, token);
    samples.push(r.ms);
    bytes = r.bytes;
    summary = summarize(r.body);
  }
  log(`${label}: p50 ${quantile(samples, 0.5).toFixed(0)} ms, max ${Math.max(...samples).toFixed(0)} ms (${summary})`);
  return { label, samples, bytes, summary, loadBefore, loadAfter: load1() };
}

/** `cadence verify-audit --json` as its own process (the CLI as an operator runs it), timed from spawn to exit. */
async function runCli(args: string[], databaseUrl: string): Promise<{ seconds: number; stdout: string; code: number | null; stderr: string }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['scripts/cadence.js', ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: databaseUrl },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  process.removeListener('exit', killOnExit);
  return { seconds: (performance.now() - t0) / 1000, stdout, code, stderr };
}

async function measureVerifyAudit(databaseUrl: string, log: (m: string) => void): Promise<VolumeFigures['verifyAudit']> {
  // The CLI's start-up alone (tsx loading the command), to tell it from the walk.
  const startup = await runCli(['verify-audit', '--help'], databaseUrl);
  const loadBefore = load1();
  log('cadence verify-audit --json over the whole trail (its own process)');
  const run = await runCli(['verify-audit', '--json'], databaseUrl);
  let report: { intact: boolean; events?: number; eventsBefore?: number };
  try {
    report = JSON.parse(run.stdout) as typeof report;
  } catch {
    throw new MeasureError(`cadence verify-audit exited ${run.code} without a JSON report: ${run.stdout.slice(0, 300)} ${run.stderr}`);
  }
  if (!report.intact) throw new MeasureError(`cadence verify-audit reports the seeded chain broken: ${run.stdout.slice(0, 500)}`);
  const events = report.events ?? 0;
  const walkSeconds = Math.max(0.001, run.seconds - startup.seconds);
  log(`verify-audit: ${events} events in ${run.seconds.toFixed(1)} s (start-up ${startup.seconds.toFixed(1)} s)`);
  return { events, seconds: run.seconds, startupSeconds: startup.seconds, perSecond: events / walkSeconds, intact: report.intact, loadBefore, loadAfter: load1() };
}

export async function measureVolume(options: VolumeOptions): Promise<VolumeFigures> {
  const { databaseUrl, log } = options;
  if (!Number.isInteger(options.approvals) || options.approvals < 2) throw new MeasureError(`approvals must be an integer >= 2, got ${options.approvals}`);
  if (!Number.isInteger(options.auditEvents) || options.auditEvents < 1) throw new MeasureError(`auditEvents must be an integer >= 1, got ${options.auditEvents}`);
  const rate = options.rate ?? 200;
  const seconds = options.durationSeconds ?? 20;
  const p = plan(options.approvals, options.auditEvents);

  const pgVersion = await (async () => {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query<{ v: string }>(`select current_setting('server_version') as v`)).rows[0]!.v;
    } finally {
      await client.end();
    }
  })();
  log(`seeding ${p.approvals} pending approvals over ${p.reps} reps (${p.managers} managers), ${p.history} finished enrollments, ${p.auditEvents} audit events (tag ${p.tag})`);
  const seeded = await seed(databaseUrl, p, log);

  let devServer: DevServer | undefined;
  let api: ApiProcess | undefined;
  const stats = new Client({ connectionString: databaseUrl });
  await stats.connect();
  const commits = async () => Number((await stats.query<{ n: string }>(`select xact_commit::text as n from pg_stat_database where datname = current_database()`)).rows[0]!.n);
  try {
    let temporalAddress = options.temporalAddress;
    if (!temporalAddress) {
      log('starting a Temporal dev server (in memory) for the API process to connect to');
      const started = await startDevServer({ config: loadTemporalConfig(), port: await freePort() });
      const killOnExit = () => started.process.kill('SIGKILL');
      process.once('exit', killOnExit);
      devServer = {
        ...started,
        stop: async () => {
          await started.stop();
          process.removeListener('exit', killOnExit);
        },
      };
      temporalAddress = started.address;
    }
    api = await startApiProcess({ databaseUrl, temporalAddress }, log);
    const { tokens, ids } = p;
    const sizes = seeded.counts;

    // Sanity: the rep sees a full page of their own items, with a next page.
    const first = await getJson<QueuePage>(`${api.url}/v1/approvals?limit=${PAGE}`, tokens.rep);
    if (first.body.items.length !== Math.min(PAGE, sizes.perRep) || first.body.items.some((i) => i.ownerId !== ids.rep)) {
      throw new MeasureError(`GET /v1/approvals for ${ids.rep} returned ${first.body.items.length} items (owners ${[...new Set(first.body.items.map((i) => i.ownerId))].join(', ')}); expected ${PAGE} of theirs`);
    }

    // Whole queues walked through nextCursor, one page at a time (the rep's; the manager's first 40 pages).
    const repWalk = await walk(`rep ${ids.rep}`, api.url, tokens.rep, 1_000, (page) => {
      if (page.items.some((i) => i.ownerId !== ids.rep)) throw new MeasureError(`the rep's queue served another owner's item`);
    });
    const managerWalk = await walk(`manager ${ids.manager}`, api.url, tokens.manager, 40, () => undefined);
    log(`walked the rep's queue: ${repWalk.walk.items} items in ${repWalk.walk.pages} pages; the manager's first ${managerWalk.walk.pages} pages`);
    if (repWalk.walk.items !== sizes.perRep) throw new MeasureError(`walking the rep's queue served ${repWalk.walk.items} items, expected ${sizes.perRep}`);

    const deepCursor = repWalk.cursors[Math.min(repWalk.cursors.length - 1, Math.floor(repWalk.cursors.length * 0.75))];
    const deepIndex = deepCursor ? repWalk.cursors.indexOf(deepCursor) + 2 : 1;
    const approvals: LoadFigures[] = [];
    approvals.push(await load(`rep's queue, first page`, `${api.url}/v1/approvals?limit=${PAGE}`, tokens.rep, { queue: sizes.perRep, rate, seconds, warmupSeconds: 3 }, commits, log));
    approvals.push(await load(`manager's team view, first page`, `${api.url}/v1/approvals?limit=${PAGE}`, tokens.manager, { queue: sizes.perManagerTeam, rate, seconds, warmupSeconds: 3 }, commits, log));
    if (deepCursor) {
      approvals.push(
        await load(`rep's queue, page ${deepIndex} (nextCursor)`, `${api.url}/v1/approvals?limit=${PAGE}&cursor=${deepCursor}`, tokens.rep, { queue: sizes.perRep, rate, seconds: Math.max(5, Math.round(seconds / 2)), warmupSeconds: 2 }, commits, log),
      );
    }

    const endpoints: EndpointTiming[] = [];
    const metricsSummary = (b: any) => `${b.queues?.length ?? 0} queues, ${b.team?.depth ?? 0} pending, ${(b.reviewers ?? []).reduce((n: number, r: any) => n + r.decisions, 0)} decisions, ${b.gating?.decisions ?? 0} gate decisions, ${b.flagged?.length ?? 0} flags`;
    endpoints.push(
      await timeEndpoint('GET /v1/review-metrics (admin: everyone, 30-day window)', `${api.url}/v1/review-metrics`, tokens.admin, metricsSummary, log, (b: any) => {
        if (!(b.team?.depth >= sizes.approvals)) throw new MeasureError(`review metrics report ${b.team?.depth} pending approvals; ${sizes.approvals} were seeded`);
      }),
    );
    endpoints.push(await timeEndpoint(`GET /v1/review-metrics (manager: a team of ${Math.ceil(p.reps / p.managers)} reps)`, `${api.url}/v1/review-metrics`, tokens.manager, metricsSummary, log));
    endpoints.push(
      await timeEndpoint(
        'GET /v1/boundary-report (manager, 90-day window)',
        `${api.url}/v1/boundary-report`,
        tokens.manager,
        (b: any) =>
          `${b.gated?.length ?? 0} gated and ${b.automatic?.length ?? 0} automatic entries, ` +
          `${(b.gated ?? []).reduce((n: number, g: any) => n + g.review.decided, 0)} decisions, ${(b.automatic ?? []).reduce((n: number, a: any) => n + a.sends, 0)} automatic sends`,
        log,
      ),
    );

    // Nothing else of ours runs while the CLI walks the trail.
    await api.stop();
    api = undefined;
    await devServer?.stop();
    devServer = undefined;
    const verifyAudit = await measureVerifyAudit(databaseUrl, log);

    return {
      pgVersion,
      cores: os.cpus().length,
      sizes,
      seeding: seeded.seeding,
      approvals,
      walks: [repWalk.walk, managerWalk.walk],
      endpoints,
      verifyAudit,
    };
  } finally {
    await api?.stop();
    await devServer?.stop();
    await stats.end();
  }
}

// --- the report ---

const loadNote = (before: number, after: number) => `load ${before.toFixed(1)}→${after.toFixed(1)}`;

export function reportVolume(f: VolumeFigures, out: (line?: string) => void): void {
  const s = f.sizes;
  out();
  out(`Volume (PostgreSQL ${f.pgVersion}, ${f.cores} cores; the real API as its own process, rate limits off; load = 1-minute load average, other work on the machine included)`);
  out(
    `sizes: ${s.approvals} pending approvals over ${s.reps} reps (${s.perRep} for the measured rep; ${s.perManagerTeam} in the measured manager's team), ${s.auditEvents} audit events; ` +
      `${s.enrollments} enrollments, ${s.prospects} prospects, ${s.accounts} accounts, ${s.drafts} drafts, ${s.decisions} decisions (${s.decidedRequests} decided requests), ` +
      `${s.sends} sends, ${s.replies} replies, ${s.suppressions} unsubscribes`,
  );
  const seeding = f.seeding;
  out(
    `seeding (set-based SQL): ${seeding.seconds.toFixed(1)} s in all; ${s.auditEvents} audit events in ${seeding.auditSeconds.toFixed(1)} s, ${rate(seeding.auditPerSecond)} events/s ` +
      `(${seeding.auditBatch} per transaction, each sealed into the hash chain at its commit, on its own connection alongside the rest of the seed); ` +
      `everything else ${seeding.otherSeconds.toFixed(1)} s; vacuum (analyze) ${seeding.vacuumSeconds.toFixed(1)} s; ` +
      loadNote(seeding.loadBefore, seeding.loadAfter),
  );
  for (const a of f.approvals) {
    out(
      `GET /v1/approvals, ${a.label} (${a.queue} pending, ${a.pageSize} a page): ${a.rate} req/s target for ${a.seconds.toFixed(0)} s, ${a.connections} connections: ` +
        `${a.answered} answered (${rate(a.answered / a.seconds)}/s), ${a.ok} 2xx, ${a.non2xx} non-2xx, ${a.errors} errors (${a.timeouts} timeouts); ` +
        `latency p50 ${ms(a.p50)}, p90 ${ms(a.p90)}, p99 ${ms(a.p99)}, max ${ms(a.max)}; ≈${a.statementsPerRequest.toFixed(0)} SQL statements a request; ${loadNote(a.loadBefore, a.loadAfter)}`,
    );
  }
  for (const w of f.walks) {
    const rest = w.latencies.slice(1);
    out(
      `GET /v1/approvals walked through nextCursor, ${w.label}: ${w.items} items in ${w.pages} pages of ${w.pageSize} (${(w.bytes / 1024).toFixed(0)} KiB a page), one at a time: ` +
        `page 1 ${ms(w.latencies[0]!)}, last page ${ms(w.latencies[w.latencies.length - 1]!)}` +
        (rest.length ? `, pages 2–${w.pages} p50 ${ms(quantile(rest, 0.5))}, max ${ms(Math.max(...rest))}` : ''),
    );
  }
  for (const e of f.endpoints) {
    out(
      `${e.label}: ${e.samples.length} sequential requests, p50 ${ms(quantile(e.samples, 0.5))}, max ${ms(Math.max(...e.samples))} ` +
        `(${(e.bytes / 1024).toFixed(0)} KiB; ${e.summary}); ${loadNote(e.loadBefore, e.loadAfter)}`,
    );
  }
  const v = f.verifyAudit;
  out(
    `cadence verify-audit (its own process, batches of 1000): ${v.events} events ${v.intact ? 'intact' : 'BROKEN'} in ${v.seconds.toFixed(1)} s, ` +
      `${rate(v.perSecond)} events/s after the CLI's ${v.startupSeconds.toFixed(1)} s start-up (${rate(v.events / v.seconds)} events/s wall clock); ${loadNote(v.loadBefore, v.loadAfter)}`,
  );
}

// Demo data for the local stack (`npm start`) and shared user helpers for the `cadence` CLI.
// Everything here is idempotent: the embedded database under .data/ persists across runs.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/connect';
import type { Role } from '../db/types';

export const ROLES: readonly Role[] = ['rep', 'manager', 'admin', 'integration'];

export interface EnsureUserInput {
  email: string;
  role: Role;
  /** Defaults to a name derived from the email's local part ("dana.whitfield" -> "Dana Whitfield"). */
  name?: string;
  managerId?: string | null;
  /** Preferred id; when taken by another user a short random suffix is added. Defaults to `<role>-<first name>`. */
  preferredId?: string;
}

export interface EnsuredUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  managerId: string | null;
  created: boolean;
}

/** Thrown when a user exists under the email with a different role; the message says what to do. */
export class UserConflictError extends Error {
  override name = 'UserConflictError';
}

export function nameFromEmail(email: string): string {
  const local = email.split('@')[0] ?? email;
  const words = local.split(/[._+-]+/).filter(Boolean);
  if (words.length === 0) return email;
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

/** A readable id such as `rep-dana`: the role and the first word of the name (or of the email). */
export function userSlug(role: Role, nameOrEmail: string): string {
  const first = nameOrEmail
    .split('@')[0]!
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .find(Boolean);
  return `${role}-${first ?? 'user'}`;
}

/**
 * Returns the user with this email, creating it when there is none. An existing user keeps its
 * id, name and manager; a role that differs from the one asked for is refused, never changed.
 */
export async function ensureUser(db: Db, input: EnsureUserInput): Promise<EnsuredUser> {
  const email = input.email.trim().toLowerCase();
  const existing = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  if (existing) {
    if (existing.role !== input.role) {
      throw new UserConflictError(
        `user ${existing.id} <${email}> already exists with role ${existing.role}, not ${input.role}; ` +
          `use --role ${existing.role} or another email (roles are never changed by this tool)`,
      );
    }
    return { id: existing.id, name: existing.name, email, role: existing.role, managerId: existing.manager_id, created: false };
  }

  const name = input.name?.trim() || nameFromEmail(email);
  const base = input.preferredId ?? userSlug(input.role, input.name?.trim() || email);
  for (let attempt = 0; attempt < 20; attempt++) {
    const id = attempt === 0 ? base : `${base}-${randomBytes(2).toString('hex')}`;
    const inserted = await db
      .insertInto('users')
      .values({ id, name, email, role: input.role, manager_id: input.managerId ?? null })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) return { id, name, email, role: input.role, managerId: input.managerId ?? null, created: true };
    // Either the id is taken (try another) or the email appeared meanwhile (reuse it).
    const raced = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (raced) return ensureUser(db, input);
  }
  throw new Error(`could not find a free user id for ${email} (tried ${base} and 19 suffixes)`);
}

// --- the local stack's lock on the embedded database ---------------------------------------------

/** Written under DATA_DIR by the local stack (scripts/dev.ts) while it has the embedded PGlite open. */
export const LOCAL_STACK_PID_FILE = 'local-stack.pid';

export function localStackPidPath(dataDir: string): string {
  return path.resolve(dataDir, LOCAL_STACK_PID_FILE);
}

/** The pid of a running local stack that holds the embedded database under dataDir, or null. */
export function runningLocalStackPid(dataDir: string): number | null {
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(localStackPidPath(dataDir), 'utf8').trim(), 10);
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (err) {
    // EPERM: alive but someone else's; ESRCH: gone (a stale file from a crash).
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

// --- the demo ---------------------------------------------------------------------------------

export const DEMO_CADENCE_ID = 'demo-outbound';
/** The same cadence with an AI framework as its first step, enrolled when a model drafts (DRAFTER=local or openai). */
export const DEMO_AI_CADENCE_ID = 'demo-outbound-ai';
export const DEMO_DOMAIN = 'brightlane.example';

export const demoUsers = {
  manager: { name: 'Sam Okafor', email: `sam.okafor@${DEMO_DOMAIN}`, role: 'manager', preferredId: 'manager-sam' },
  rep: { name: 'Dana Whitfield', email: `dana.whitfield@${DEMO_DOMAIN}`, role: 'rep', preferredId: 'rep-dana' },
  integration: { name: 'CRM Sync', email: `crm-sync@${DEMO_DOMAIN}`, role: 'integration', preferredId: 'integration-crm' },
} as const;

/**
 * The demo templates. A landed template version never changes (drafts record it): to change the copy,
 * add a new id with version + 1 and point the cadence step at it.
 */
export const demoTemplates = [
  {
    id: 'demo-intro-v1',
    name: 'demo-intro',
    version: 1,
    subject: 'Month-end forecasting at {{company}}',
    body: [
      'Hi {{firstName}},',
      '',
      'Most {{industry|B2B}} teams I talk to lose the first few days of every month to reconciling CRM exports in spreadsheets before anyone trusts the forecast. As {{title|the person closest to the number}}, you probably feel that more than anyone at {{company}}.',
      '',
      'We help revenue teams replace that with a forecast that updates itself from the CRM, so pipeline reviews go back to being about deals rather than data hygiene.',
      '',
      'Would 20 minutes next week be worth it to see whether this fits how {{company}} runs its quarter?',
      '',
      'Best,',
      '{{senderName}}',
    ].join('\n'),
  },
  {
    id: 'demo-followup-v1',
    name: 'demo-followup',
    version: 1,
    subject: 'Re: Month-end forecasting at {{company}}',
    body: [
      'Hi {{firstName}},',
      '',
      'Following up on my note from earlier this week. One thing I should have mentioned: the {{industry|B2B}} teams that get the most out of this start with a single region or segment, so nobody has to change how they work on day one.',
      '',
      'If a meeting is too much right now, I can send a two-minute walkthrough built on a sample {{industry|B2B}} pipeline instead. Would that be useful for you as {{title|a revenue leader}}?',
      '',
      'Thanks,',
      '{{senderFirstName}}',
    ].join('\n'),
  },
  {
    id: 'demo-breakup-v1',
    name: 'demo-breakup',
    version: 1,
    subject: 'Closing the loop, {{firstName}}',
    body: [
      'Hi {{firstName}},',
      '',
      "I haven't heard back, so I'll assume forecasting isn't a priority at {{company}} this quarter. Plenty of {{industry|B2B}} teams are heads-down on other things right now, and that's completely fine. I won't keep filling your inbox.",
      '',
      "If that changes, or if someone else at {{company}} owns the forecast, just reply with a name and I'll take it from there.",
      '',
      'All the best,',
      '{{senderName}}',
    ].join('\n'),
  },
  {
    id: 'demo-intro-ai-v1',
    name: 'demo-intro-ai',
    version: 1,
    subject: 'Month-end forecasting at {{company}}',
    body: [
      'Hi {{firstName}},',
      '',
      "{{ai:opener|a personalised opener about the prospect's recent news and what it means for their forecast, at most 40 words}}",
      '',
      'We help revenue teams replace spreadsheet reconciliation with a forecast that updates itself from the CRM, so pipeline reviews go back to being about deals rather than data hygiene.',
      '',
      'Would 20 minutes next week be worth it to see whether this fits how {{company}} runs its quarter?',
      '',
      'Best,',
      '{{senderName}}',
    ].join('\n'),
    instructions: 'Warm, specific and brief; one sentence or two. Refer to the recent news in the prospect data only.',
    donts: ['promise discounts', 'mention competitors'],
  },
] as const;

const DAY = 86_400;

/** Step 1 at once, step 2 two days later, step 3 four days after that. */
export const demoAiSteps = [
  { position: 1, delaySeconds: 0, templateId: 'demo-intro-ai-v1' },
  { position: 2, delaySeconds: 2 * DAY, templateId: 'demo-followup-v1' },
  { position: 3, delaySeconds: 4 * DAY, templateId: 'demo-breakup-v1' },
] as const;

export const demoSteps = [
  { position: 1, delaySeconds: 0, templateId: 'demo-intro-v1' },
  { position: 2, delaySeconds: 2 * DAY, templateId: 'demo-followup-v1' },
  { position: 3, delaySeconds: 4 * DAY, templateId: 'demo-breakup-v1' },
] as const;

/** The prospect the local stack enrolls over the API on start-up (body of POST /v1/enrollments). */
export const demoProspect = {
  prospect: {
    email: 'priya.raman@northwind-logistics.example',
    firstName: 'Priya',
    lastName: 'Raman',
    title: 'VP of Revenue Operations',
    timezone: 'America/Chicago',
  },
  account: {
    name: 'Northwind Logistics',
    domain: 'northwind-logistics.example',
    tier: 'standard',
    dealValue: 24_000,
    industry: 'logistics',
    employeeCount: 420,
    attributes: { recentNews: 'opened a cross-dock hub in Memphis' },
  },
};

export interface DemoIds {
  managerId: string;
  repId: string;
  integrationId: string;
  cadenceId: string;
  templateIds: string[];
}

/**
 * Creates the demo team, templates and cadences when missing; safe to run on every start. With a model drafting
 * (`aiDrafting`), the demo enrolls into the cadence whose first step is an AI framework.
 */
export async function seedDemo(db: Db, aiDrafting = false): Promise<DemoIds> {
  const manager = await ensureUser(db, demoUsers.manager);
  const rep = await ensureUser(db, { ...demoUsers.rep, managerId: manager.id });
  const integration = await ensureUser(db, demoUsers.integration);

  // Plain idempotent statements, no transaction: the embedded PGlite is one shared connection.
  for (const t of demoTemplates) {
    await db
      .insertInto('templates')
      .values({
        id: t.id,
        name: t.name,
        version: t.version,
        subject: t.subject,
        body: t.body,
        instructions: 'instructions' in t ? t.instructions : null,
        donts: JSON.stringify('donts' in t ? t.donts : []),
        approved: true,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  await db
    .insertInto('cadences')
    .values({ id: DEMO_CADENCE_ID, name: 'Demo outbound: 3 emails over 6 days' })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  for (const s of demoSteps) {
    await db
      .insertInto('cadence_steps')
      .values({ cadence_id: DEMO_CADENCE_ID, position: s.position, kind: 'email', delay_seconds: s.delaySeconds, template_id: s.templateId })
      .onConflict((oc) => oc.columns(['cadence_id', 'position']).doNothing())
      .execute();
  }
  await db
    .insertInto('cadences')
    .values({ id: DEMO_AI_CADENCE_ID, name: 'Demo outbound with an AI opener: 3 emails over 6 days' })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  for (const s of demoAiSteps) {
    await db
      .insertInto('cadence_steps')
      .values({ cadence_id: DEMO_AI_CADENCE_ID, position: s.position, kind: 'email', delay_seconds: s.delaySeconds, template_id: s.templateId })
      .onConflict((oc) => oc.columns(['cadence_id', 'position']).doNothing())
      .execute();
  }

  return {
    managerId: manager.id,
    repId: rep.id,
    integrationId: integration.id,
    cadenceId: aiDrafting ? DEMO_AI_CADENCE_ID : DEMO_CADENCE_ID,
    templateIds: demoTemplates.map((t) => t.id),
  };
}

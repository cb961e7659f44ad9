import { randomUUID } from 'node:crypto';
import { createToken } from '../../api/auth';
import type { Db } from '../../db/connect';
import type { Role, StepKind, StepTimingJson } from '../../db/types';

export interface TestUser {
  id: string;
  name: string;
  email: string;
  token: string;
}

export async function createUser(db: Db, role: Role, name: string, managerId: string | null = null): Promise<TestUser> {
  const id = `${role}-${randomUUID().slice(0, 8)}`;
  const email = `${name.toLowerCase().replace(/\s+/g, '.')}.${id}@seller.test`;
  await db.insertInto('users').values({ id, name, email, role, manager_id: managerId }).execute();
  return { id, name, email, token: await createToken(db, id, 'test') };
}

export interface Team {
  manager: TestUser;
  rep: TestUser;
  otherRep: TestUser;
  integration: TestUser;
}

export async function createTeam(db: Db): Promise<Team> {
  const manager = await createUser(db, 'manager', 'Sam Manager');
  const rep = await createUser(db, 'rep', 'Dana Rep', manager.id);
  const otherRep = await createUser(db, 'rep', 'Riley Rep', manager.id);
  const integration = await createUser(db, 'integration', 'CRM Integration');
  return { manager, rep, otherRep, integration };
}

/** A personalized template every test prospect can fill (confidence 1.0). */
export const goodTemplate = {
  subject: 'Quick question about {{company}} and {{industry}}',
  body: [
    'Hi {{firstName}},',
    '',
    'I work with {{industry}} teams about the size of {{company}} who are trying to cut the time their',
    'reps spend on manual follow-up. As {{title}}, you probably see this first-hand every week.',
    'Would a short call next week be useful to compare notes?',
    '',
    'Best,',
    '{{senderName}}',
  ].join('\n'),
};

/** Uses a merge field no prospect has, so the draft scores below the threshold. */
export const weakTemplate = {
  subject: 'Following up, {{firstName}}',
  body: [
    'Hi {{firstName}},',
    '',
    'Congratulations on {{recentFunding}}. Teams at {{company}} often tell us follow-up is where deals',
    'slip, and we would love to show you how others in {{industry}} handle it without extra headcount.',
    '',
    '{{senderName}}',
  ].join('\n'),
};

export interface StepSpec {
  delaySeconds?: number;
  kind?: StepKind;
  template?: { subject: string; body: string };
  timing?: StepTimingJson;
  taskSlaMinutes?: number;
  /** A/B variants of the step's template; unapproved ones must never be drafted from. */
  variants?: Array<{ variant: string; template: { subject: string; body: string }; approved?: boolean }>;
}

export async function createCadence(db: Db, steps: StepSpec[]): Promise<string> {
  const cadenceId = `cadence-${randomUUID().slice(0, 8)}`;
  await db.insertInto('cadences').values({ id: cadenceId, name: `Test cadence ${cadenceId}` }).execute();
  for (const [i, step] of steps.entries()) {
    const templateId = step.template ? `${cadenceId}-t${i + 1}` : null;
    if (step.template) {
      await db
        .insertInto('templates')
        .values({ id: templateId!, name: templateId!, version: 1, subject: step.template.subject, body: step.template.body, approved: true })
        .execute();
    }
    await db
      .insertInto('cadence_steps')
      .values({
        cadence_id: cadenceId,
        position: i + 1,
        kind: step.kind ?? 'email',
        delay_seconds: step.delaySeconds ?? 0,
        timing: step.timing ? JSON.stringify(step.timing) : null,
        task_sla_minutes: step.taskSlaMinutes ?? null,
        template_id: templateId,
      })
      .execute();
    for (const v of step.variants ?? []) {
      const id = `${cadenceId}-t${i + 1}-${v.variant}`;
      await db
        .insertInto('templates')
        .values({ id, name: id, version: 1, subject: v.template.subject, body: v.template.body, approved: v.approved ?? true })
        .execute();
      await db.insertInto('cadence_step_variants').values({ cadence_id: cadenceId, position: i + 1, variant: v.variant, template_id: id }).execute();
    }
  }
  return cadenceId;
}

export interface ProspectSpec {
  tier?: string;
  dealValue?: number;
  timezone?: string;
}

export async function createProspect(db: Db, spec: ProspectSpec = {}): Promise<{ prospectId: string; email: string; accountId: string }> {
  const suffix = randomUUID().slice(0, 8);
  const accountId = randomUUID();
  await db
    .insertInto('accounts')
    .values({
      id: accountId,
      name: `Acme ${suffix}`,
      domain: `acme-${suffix}.test`,
      tier: spec.tier ?? 'standard',
      deal_value: spec.dealValue ?? 10_000,
      industry: 'logistics',
      employee_count: 250,
    })
    .execute();
  const prospectId = randomUUID();
  const email = `pat.${suffix}@acme-${suffix}.test`;
  await db
    .insertInto('prospects')
    .values({ id: prospectId, email, normalized_email: email, first_name: 'Pat', last_name: 'Lee', title: 'VP Sales', account_id: accountId, timezone: spec.timezone ?? null })
    .execute();
  return { prospectId, email, accountId };
}

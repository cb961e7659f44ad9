import { randomUUID } from 'node:crypto';
import type { Db } from '../connect';

export interface ProspectProfile {
  prospect: {
    id: string;
    email: string;
    firstName: string;
    lastName: string | null;
    title: string | null;
    timezone: string | null;
    attributes: Record<string, unknown>;
  };
  account: {
    id: string;
    name: string;
    domain: string;
    industry: string | null;
    employeeCount: number | null;
    tier: string;
    dealValue: number;
    attributes: Record<string, unknown>;
  };
  owner: { id: string; name: string; email: string };
}

const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/**
 * The dedupe key of an address: the same person across channels and forms. Trimmed and lower-cased,
 * without a `+tag` in the local part; for Gmail (and its alias googlemail.com, mapped to gmail.com)
 * also without dots in the local part, since Gmail ignores them. Not an address to send to: the
 * prospect's `email` keeps the address as first given.
 */
export function normalizeEmail(email: string): string {
  const address = cleanEmail(email);
  const at = address.lastIndexOf('@');
  if (at <= 0) return address;
  let local = address.slice(0, at);
  let domain = address.slice(at + 1);
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  if (GMAIL_DOMAINS.has(domain)) {
    domain = 'gmail.com';
    const undotted = local.replace(/\./g, '');
    if (undotted) local = undotted;
  }
  return `${local}@${domain}`;
}

/** The address as given, trimmed and lower-cased: what is stored as the prospect's email and sent to. */
export function cleanEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The domain of the address as given (lower-cased); domain suppressions are matched against it. */
export function emailDomain(email: string): string {
  const address = cleanEmail(email);
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : address.slice(at + 1);
}

type AttributeValue = string | number | boolean;

export interface ProspectInput {
  email: string;
  firstName: string;
  lastName?: string;
  title?: string;
  timezone?: string;
  attributes?: Record<string, AttributeValue>;
}

export interface AccountInput {
  name: string;
  domain: string;
  tier?: string;
  dealValue?: number;
  industry?: string;
  employeeCount?: number;
  country?: string;
  region?: string;
  segment?: string;
  timezone?: string;
  attributes?: Record<string, AttributeValue>;
}

export interface UpsertedProspect {
  prospectId: string;
  accountId: string;
  /** The prospect's stored address: the first one given for this person, not necessarily this one. */
  email: string;
  normalizedEmail: string;
}

/**
 * Upserts the account by domain and the prospect by its normalized email, in one transaction. The
 * prospect keeps the email it was first created with; the other fields given here overwrite the stored
 * ones (fields left out keep their stored values), and the prospect moves to this account.
 */
export async function upsertProspectAndAccount(db: Db, input: { prospect: ProspectInput; account: AccountInput }): Promise<UpsertedProspect> {
  const { prospect: p, account: a } = input;
  const email = cleanEmail(p.email);
  const key = normalizeEmail(p.email);
  const domain = a.domain.trim().toLowerCase();
  return db.transaction().execute(async (tx) => {
    const now = new Date();
    const account = await tx
      .insertInto('accounts')
      .values({
        id: randomUUID(),
        name: a.name,
        domain,
        tier: a.tier,
        deal_value: a.dealValue,
        industry: a.industry ?? null,
        employee_count: a.employeeCount ?? null,
        country: a.country ?? null,
        region: a.region ?? null,
        segment: a.segment ?? null,
        timezone: a.timezone ?? null,
        attributes: JSON.stringify(a.attributes ?? {}),
      })
      .onConflict((oc) =>
        oc.column('domain').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          ...(a.tier !== undefined ? { tier: eb.ref('excluded.tier') } : {}),
          ...(a.dealValue !== undefined ? { deal_value: eb.ref('excluded.deal_value') } : {}),
          ...(a.industry !== undefined ? { industry: eb.ref('excluded.industry') } : {}),
          ...(a.employeeCount !== undefined ? { employee_count: eb.ref('excluded.employee_count') } : {}),
          ...(a.country !== undefined ? { country: eb.ref('excluded.country') } : {}),
          ...(a.region !== undefined ? { region: eb.ref('excluded.region') } : {}),
          ...(a.segment !== undefined ? { segment: eb.ref('excluded.segment') } : {}),
          ...(a.timezone !== undefined ? { timezone: eb.ref('excluded.timezone') } : {}),
          ...(a.attributes !== undefined ? { attributes: eb.ref('excluded.attributes') } : {}),
          updated_at: now,
        })),
      )
      .returning('id')
      .executeTakeFirstOrThrow();

    // A row written before normalized emails existed carries lower(email) as its key: re-key it, so
    // the insert below finds it instead of tripping over its unique email.
    await tx
      .updateTable('prospects')
      .set({ normalized_email: key })
      .where('email', '=', email)
      .where('normalized_email', '<>', key)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('prospects as other').select('other.id').where('other.normalized_email', '=', key))))
      .execute();

    const prospect = await tx
      .insertInto('prospects')
      .values({
        id: randomUUID(),
        email,
        normalized_email: key,
        first_name: p.firstName,
        last_name: p.lastName ?? null,
        title: p.title ?? null,
        timezone: p.timezone ?? null,
        account_id: account.id,
        attributes: JSON.stringify(p.attributes ?? {}),
      })
      .onConflict((oc) =>
        oc.column('normalized_email').doUpdateSet((eb) => ({
          first_name: eb.ref('excluded.first_name'),
          account_id: eb.ref('excluded.account_id'),
          ...(p.lastName !== undefined ? { last_name: eb.ref('excluded.last_name') } : {}),
          ...(p.title !== undefined ? { title: eb.ref('excluded.title') } : {}),
          ...(p.timezone !== undefined ? { timezone: eb.ref('excluded.timezone') } : {}),
          ...(p.attributes !== undefined ? { attributes: eb.ref('excluded.attributes') } : {}),
          updated_at: now,
        })),
      )
      .returning(['id', 'email'])
      .executeTakeFirstOrThrow();
    return { prospectId: prospect.id, accountId: account.id, email: prospect.email, normalizedEmail: key };
  });
}

export async function loadProfile(db: Db, prospectId: string, ownerId: string): Promise<ProspectProfile | null> {
  const row = await db
    .selectFrom('prospects as p')
    .innerJoin('accounts as a', 'a.id', 'p.account_id')
    // The owner in the same statement: no profile without both.
    .innerJoin('users as u', (j) => j.on('u.id', '=', ownerId))
    .select([
      'u.id as owner_id',
      'u.name as owner_name',
      'u.email as owner_email',
      'p.id as prospect_id',
      'p.email',
      'p.first_name',
      'p.last_name',
      'p.title',
      'p.timezone',
      'p.attributes as prospect_attributes',
      'a.id as account_id',
      'a.name as account_name',
      'a.domain',
      'a.industry',
      'a.employee_count',
      'a.tier',
      'a.deal_value',
      'a.attributes as account_attributes',
    ])
    .where('p.id', '=', prospectId)
    .executeTakeFirst();
  if (!row) return null;
  const owner = { id: row.owner_id, name: row.owner_name, email: row.owner_email };
  return {
    prospect: {
      id: row.prospect_id,
      email: row.email,
      firstName: row.first_name,
      lastName: row.last_name,
      title: row.title,
      timezone: row.timezone,
      attributes: row.prospect_attributes,
    },
    account: {
      id: row.account_id,
      name: row.account_name,
      domain: row.domain,
      industry: row.industry,
      employeeCount: row.employee_count,
      tier: row.tier,
      dealValue: row.deal_value,
      attributes: row.account_attributes,
    },
    owner,
  };
}

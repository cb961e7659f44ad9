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

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function emailDomain(email: string): string {
  return normalizeEmail(email).split('@')[1] ?? '';
}

export async function loadProfile(db: Db, prospectId: string, ownerId: string): Promise<ProspectProfile | null> {
  const row = await db
    .selectFrom('prospects as p')
    .innerJoin('accounts as a', 'a.id', 'p.account_id')
    .select([
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
  const owner = await db.selectFrom('users').select(['id', 'name', 'email']).where('id', '=', ownerId).executeTakeFirst();
  if (!row || !owner) return null;
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

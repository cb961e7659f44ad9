import { Kysely, sql } from 'kysely';

// AI drafting: a template may be a framework (AI slots in its text, instructions, a do/don't list); a step may
// name its drafter; a draft records which drafter wrote it and, for a model, everything the model did.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('templates')
    .addColumn('instructions', 'text')
    .addColumn('dos', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('donts', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
  await db.schema
    .alterTable('cadence_steps')
    .addColumn('drafter', 'text', (c) => c.check(sql`drafter in ('template', 'local', 'openai')`))
    .execute();
  await db.schema.alterTable('drafts').addColumn('drafter', 'text').addColumn('ai', 'jsonb').execute();
  await sql`update drafts set drafter = 'template' where drafter is null and kind = 'step'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('drafts').dropColumn('ai').dropColumn('drafter').execute();
  await db.schema.alterTable('cadence_steps').dropColumn('drafter').execute();
  await db.schema.alterTable('templates').dropColumn('donts').dropColumn('dos').dropColumn('instructions').execute();
}

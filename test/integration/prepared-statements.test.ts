import { sql } from 'kysely';
import { createDb, PREPARED, type Db } from '../../db/connect';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

// A statement marked PREPARED is parsed and planned once per connection, then executed by name; others are not
// kept by the server at all.

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = await createDb({ databaseUrl: database.url, poolSize: 1 });
});

afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

const prepared = async () =>
  (await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements order by name`.execute(db)).rows;

test('a marked statement is prepared once per connection and runs by name with each call’s values; an unmarked one is not kept', async () => {
  const marked = (n: number) => sql<{ n: number }>`${sql.raw(PREPARED)} select ${n}::int + 1 as n`.execute(db);
  expect((await marked(1)).rows).toEqual([{ n: 2 }]);
  expect((await marked(41)).rows).toEqual([{ n: 42 }]);
  await sql`select ${1}::int as unmarked`.execute(db);
  const kept = await prepared();
  expect(kept).toHaveLength(1);
  expect(kept[0]!.name).toMatch(/^prepared-[0-9a-f]{20}$/);
  expect(kept[0]!.statement).toContain('select $1::int + 1 as n');

  // Another text is another statement; the same text again is not prepared twice.
  await sql`${sql.raw(PREPARED)} select ${'a'}::text as s`.execute(db);
  await marked(2);
  expect(await prepared()).toHaveLength(2);
});

import { sql } from 'kysely';
import { createDb, PREPARED_PER_CONNECTION, type Db } from '../../db/connect';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

// Every statement with parameters is parsed and planned once per connection, then executed by name; a
// connection keeps a bounded number of them; a statement whose result columns a migration changed is prepared
// afresh after its one failed run.

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

test('a statement is prepared once per connection and runs by name with each call’s values', async () => {
  const before = (await prepared()).length;
  const plusOne = (n: number) => sql<{ n: number }>`select ${n}::int + 1 as n`.execute(db);
  expect((await plusOne(1)).rows).toEqual([{ n: 2 }]);
  expect((await plusOne(41)).rows).toEqual([{ n: 42 }]);
  const kept = (await prepared()).filter((p) => p.statement.includes('select $1::int + 1 as n'));
  expect(kept).toHaveLength(1);
  expect(kept[0]!.name).toMatch(/^prepared-[0-9a-f]{20}$/);

  // Another text is another statement; the same text again is not prepared twice.
  await sql`select ${'a'}::text as s`.execute(db);
  await plusOne(2);
  expect((await prepared()).length).toBe(before + 2);
});

test('a statement whose result columns a migration changed fails once, then runs prepared afresh', async () => {
  await sql`create table stale_plan (id int primary key)`.execute(db);
  await sql`insert into stale_plan values (1)`.execute(db);
  const read = () => db.selectFrom('stale_plan' as never).selectAll().where('id' as never, '=', 1 as never).execute();
  expect(await read()).toEqual([{ id: 1 }]);
  await sql`alter table stale_plan add column note text default 'added'`.execute(db);
  await expect(read()).rejects.toThrow(/cached plan must not change result type/);
  expect(await read()).toEqual([{ id: 1, note: 'added' }]);
  expect(await read()).toEqual([{ id: 1, note: 'added' }]);
});

test(`a connection keeps at most ${PREPARED_PER_CONNECTION} statements; later texts still run, unprepared`, async () => {
  const own = await createDb({ databaseUrl: database.url, poolSize: 1 });
  try {
    for (let i = 0; i < PREPARED_PER_CONNECTION + 20; i++) {
      const { rows } = await sql<{ n: number }>`select ${i}::int as n, ${sql.lit(i)} as distinct_text`.execute(own);
      expect(rows[0]!.n).toBe(i);
    }
    const { rows } = await sql<{ count: string }>`select count(*) as count from pg_prepared_statements`.execute(own);
    expect(Number(rows[0]!.count)).toBe(PREPARED_PER_CONNECTION);
  } finally {
    await own.destroy();
  }
});

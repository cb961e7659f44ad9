import type { Db } from '../../db/connect';
import { createEmbeddedTestDatabase } from '../helpers/database';

// The embedded database of the local stack: one PGlite session shared by the API and the worker.
let database: Awaited<ReturnType<typeof createEmbeddedTestDatabase>>;
let db: Db;

beforeAll(async () => {
  database = await createEmbeddedTestDatabase();
  db = database.db;
});

afterAll(async () => {
  await database?.drop();
});

test('inserts report how many rows they wrote, so an idempotent insert can tell a duplicate', async () => {
  const insert = () =>
    db.insertInto('cadences').values({ id: 'c-count', name: 'x' }).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
  expect((await insert()).numInsertedOrUpdatedRows).toBe(1n);
  expect((await insert()).numInsertedOrUpdatedRows).toBe(0n);
});

test("a query from elsewhere never lands inside another caller's transaction", async () => {
  const rolledBack = db
    .transaction()
    .execute(async (tx) => {
      await tx.insertInto('cadences').values({ id: 'c-in-tx', name: 'rolled back' }).execute();
      await new Promise((r) => setTimeout(r, 100));
      throw new Error('roll back');
    })
    .catch((err: Error) => err.message);
  const outside = db.insertInto('cadences').values({ id: 'c-outside', name: 'kept' }).execute();
  expect(await rolledBack).toBe('roll back');
  await outside;
  const ids = (await db.selectFrom('cadences').select('id').where('id', 'in', ['c-in-tx', 'c-outside']).execute()).map((r) => r.id);
  expect(ids).toEqual(['c-outside']);
});

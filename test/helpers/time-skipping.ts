import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { ActivityDeps } from '../../activities/deps';
import type { Db } from '../../db/connect';
import type { CaptureSmtpServer } from '../../scripts/capture-smtp';
import { resolveTestServer } from '../../scripts/tools';
import { ensureSearchAttributes } from '../../workers/search-attributes';
import { createTestDatabase, type TestDatabase } from './database';
import { startCapture, startWorker, testDeps, testTemporalConfig } from './harness';
import { createTeam, type Team } from './seed';

export interface TimeSkippingStack {
  env: TestWorkflowEnvironment;
  db: Db;
  smtp: CaptureSmtpServer;
  team: Team;
  /** Starts a worker on its own task queue, with these dependency overrides; returns the task queue. */
  addWorker(overrides?: Partial<ActivityDeps>): Promise<string>;
  stop(): Promise<void>;
}

/** The time-skipping test server with real PostgreSQL and a real SMTP conversation, for one test file. */
export async function startTimeSkippingStack(): Promise<TimeSkippingStack> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: resolveTestServer() } },
  });
  const database: TestDatabase = await createTestDatabase();
  const { smtp, port } = await startCapture();
  const team = await createTeam(database.db);
  const stops: Array<() => Promise<void>> = [];
  return {
    env,
    db: database.db,
    smtp,
    team,
    async addWorker(overrides = {}) {
      const temporal = testTemporalConfig();
      if (stops.length === 0) await ensureSearchAttributes(env.connection, temporal);
      const worker = await startWorker({ connection: env.nativeConnection, temporal, deps: testDeps(database.db, port, overrides) });
      stops.push(worker.stop);
      return temporal.taskQueue;
    },
    async stop() {
      for (const stop of stops) await stop();
      await smtp.close();
      await database.drop();
      await env.teardown();
    },
  };
}

import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { ActivityDeps } from '../../activities/deps';
import type { SmtpOptions } from '../../activities/mailer';
import { createApp } from '../../api/app';
import type { ApiContext } from '../../api/context';
import { RateLimits, type RateLimitSettings } from '../../api/rate-limit';
import type { CaptureSmtpServer } from '../../scripts/capture-smtp';
import { createTestDatabase, type TestDatabase } from './database';
import { assertDocumentedResponse } from './openapi-contract';
import { UnsubscribeKeyring } from '../../activities/unsubscribe-token';
import { startCapture, startWorker, testDeps, testReplyOptions, testTemporalConfig, TEST_UNSUBSCRIBE_SECRET } from './harness';
import { createTeam, type Team } from './seed';

export interface Stack {
  database: TestDatabase;
  smtp: CaptureSmtpServer;
  client: Client;
  team: Team;
  baseUrl: string;
  taskQueue: string;
  /** A JSON call with a bearer token (the rep's unless given); the answer is checked against the OpenAPI document. */
  api(method: string, path: string, options?: { token?: string | null; body?: unknown }): Promise<{ status: number; body: any }>;
  /** Any request (raw body, own headers); the answer is checked against the OpenAPI document, its body parsed when JSON. */
  http(method: string, path: string, init?: { headers?: Record<string, string>; body?: string | Buffer }): Promise<{ status: number; headers: Headers; text: string; body: any }>;
  stop(): Promise<void>;
}

/** The whole system on the dev server: PostgreSQL, capture SMTP, a worker and the API on port 0. */
export async function startStack(
  depOverrides: Partial<ActivityDeps> = {},
  mailer: Pick<SmtpOptions, 'dkim'> = {},
  apiOverrides: Pick<ApiContext, 'boundary' | 'reviewMetrics' | 'webhooks'> & { rateLimits?: RateLimitSettings } = {},
): Promise<Stack> {
  const address = process.env.CADENCE_TEST_TEMPORAL_ADDRESS;
  if (!address) throw new Error('CADENCE_TEST_TEMPORAL_ADDRESS is not set: run through jest (global setup)');
  const temporal = testTemporalConfig({ address });
  const database = await createTestDatabase();
  const { smtp, port } = await startCapture();
  const team = await createTeam(database.db);
  const nativeConnection = await NativeConnection.connect({ address });
  const worker = await startWorker({ connection: nativeConnection, temporal, deps: testDeps(database.db, port, depOverrides, mailer) });
  const connection = await Connection.connect({ address });
  const client = new Client({ connection, namespace: temporal.namespace });
  // Rate limits only for a test that asks for them (kept in its database): no other test is throttled.
  const rateLimits = apiOverrides.rateLimits ? new RateLimits({ settings: apiOverrides.rateLimits, databaseUrl: database.url }) : undefined;
  const app = createApp({
    db: database.db,
    temporal: client,
    taskQueue: temporal.taskQueue,
    draftingTaskQueue: temporal.draftingTaskQueue,
    webhooksTaskQueue: temporal.webhooksTaskQueue,
    log: (m, e) => console.error(m, e),
    replyOptions: testReplyOptions,
    unsubscribe: new UnsubscribeKeyring({ current: TEST_UNSUBSCRIBE_SECRET }),
    ...apiOverrides,
    rateLimits,
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    database,
    smtp,
    client,
    team,
    baseUrl,
    taskQueue: temporal.taskQueue,
    async api(method, path, options = {}) {
      const token = options.token === undefined ? team.rep.token : options.token;
      const res = await fetch(baseUrl + path, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
      });
      const text = await res.text();
      const body = text ? JSON.parse(text) : null;
      assertDocumentedResponse(method, path, res.status, res.headers.get('content-type'), body);
      return { status: res.status, body };
    },
    async http(method, path, init = {}) {
      const res = await fetch(baseUrl + path, { method, headers: init.headers, body: init.body, redirect: 'manual' });
      const text = await res.text();
      const contentType = res.headers.get('content-type');
      const body = text && contentType?.startsWith('application/json') ? JSON.parse(text) : null;
      assertDocumentedResponse(method, path, res.status, contentType, contentType?.startsWith('application/json') ? body : text);
      return { status: res.status, headers: res.headers, text, body };
    },
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await worker.stop();
      await connection.close();
      await nativeConnection.close();
      await smtp.close();
      await rateLimits?.close();
      await database.drop();
    },
  };
}

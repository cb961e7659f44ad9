import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { loadTemporalConfig } from '../../config/temporal';
import { freePort, startDevServer } from '../../scripts/dev-server';

/** One dev server and one workflow bundle for the whole run; each test file makes its own database. */
export default async function globalSetup(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    throw new Error('DATABASE_URL is not set: run the suite with `npm test`, which starts PostgreSQL, or point DATABASE_URL at a server');
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cadence-test-'));
  const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows'), logger: quietLogger });
  const bundlePath = path.join(dir, 'workflow-bundle.js');
  writeFileSync(bundlePath, code);
  process.env.CADENCE_TEST_WORKFLOW_BUNDLE = bundlePath;

  const config = loadTemporalConfig();
  const server = await startDevServer({ config, port: await freePort(), logLevel: 'error' });
  process.env.CADENCE_TEST_TEMPORAL_ADDRESS = server.address;
  (globalThis as any).__cadenceDevServer = server;
}

const noop = () => undefined;
const quietLogger = { trace: noop, debug: noop, info: noop, warn: noop, error: console.error, log: noop };

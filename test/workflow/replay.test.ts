import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';

// Histories recorded from earlier versions of the cadence workflow. Running cadences replay their history
// on every new worker version, so each of these must replay on the current code without a determinism
// error: a change to code that running cadences execute goes behind patched().
const dir = path.resolve(__dirname, '../fixtures/histories');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

test.each(files)('the recorded history %s replays on the current workflow code', async (file) => {
  const history = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  await Worker.runReplayHistory({ workflowBundle: { codePath: process.env.CADENCE_TEST_WORKFLOW_BUNDLE! } }, history, file);
});

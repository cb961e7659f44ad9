import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';

// Histories recorded from earlier versions of the cadence and webhook-feed workflows. Running workflows replay
// their history on every new worker version, so each of these must replay on the current code without a
// determinism error: a change to code that running workflows execute goes behind patched().
const dir = path.resolve(__dirname, '../fixtures/histories');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

test.each(files)('the recorded history %s replays on the current workflow code', async (file) => {
  const history = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  await Worker.runReplayHistory({ workflowBundle: { codePath: process.env.CADENCE_TEST_WORKFLOW_BUNDLE! } }, history, file);
});

// A history the bench's reply burst left failing every workflow task (issue 10): under load, 3 of 500 cadences
// replied to at once failed with "Non-deprecated patch marker encountered for change business-time-touches, but
// there is no corresponding change command". The worker completed a workflow task with the local activity
// loadGatePolicy's result marker (event 14) but ran the code after it (waitForTouch, which calls
// patched('business-time-touches')) only in the next workflow task (events 15-22). A replay resolves that local
// activity inside the first task, reaches patched() before the next task's marker is known, takes the unpatched
// branch and fails. Runs started on the current code decide every patch in their first workflow task
// ('patches-decided-at-start', checked in e2e.test.ts), so they cannot write such a history; a run started before
// that, like this one, cannot be replayed by any code and stays pinned here as the failure it is.
test('a history whose patch marker follows a local activity resolved in an earlier task (written before patches-decided-at-start) does not replay', async () => {
  const file = path.join(dir, 'known-nondeterminism', 'patch-after-split-local-activity.json');
  const history = JSON.parse(readFileSync(file, 'utf8'));
  await expect(Worker.runReplayHistory({ workflowBundle: { codePath: process.env.CADENCE_TEST_WORKFLOW_BUNDLE! } }, history, 'known-nondeterminism')).rejects.toThrow(
    /patch marker encountered for change business-time-touches/,
  );
});

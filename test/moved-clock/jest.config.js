// The suite again under a moved clock (scripts/moved-clock.sh runs it under libfaketime). Only the Node
// processes move: the Temporal dev server (Go) and PostgreSQL keep the real time, so the tests that compare
// a time written by the workflow or by PostgreSQL with the API's clock are left out, each for its reason.
// Every other unit and integration test is in, so that a new test with a literal date is caught by default.
const path = require('node:path');
const base = require('../../package.json').jest;

module.exports = {
  ...base,
  rootDir: path.join(__dirname, '../..'),
  roots: ['<rootDir>/test/unit', '<rootDir>/test/integration'],
  testPathIgnorePatterns: [
    '/node_modules/',
    // Pending approvals are written with the workflow's (Temporal's) clock and aged by the API's: moved
    // apart by the run, every one of them is past its SLA.
    '<rootDir>/test/integration/review-metrics.test.ts',
    // Worker kills at points of the SMTP conversation: nothing in it reads a date, and it is the slowest file.
    '<rootDir>/test/integration/send-crash.test.ts',
    // Schemathesis against the OpenAPI document: it reads no dates of its own, and takes minutes.
    '<rootDir>/test/integration/api-schemathesis.test.ts',
  ],
};

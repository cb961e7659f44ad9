// `cadence boundary-report`: the boundary report (db/repositories/boundary-report.ts), as GET
// /v1/boundary-report gives it, for the policy in force in DATABASE_URL (or the embedded database).
//
//   cadence boundary-report
//   cadence boundary-report --json
//
// Output: a readable report on stdout ending in the summary line, or with --json the report as one JSON
// object. Exit codes: 0 printed, 1 failure, 2 bad usage.
import { parseArgs } from 'node:util';
import { gatePolicyFromConfig, learningFromConfig, type AppConfig } from '../config/app';
import { migrateToLatest, type Db } from '../db/connect';
import { buildBoundaryReport, formatSeconds, type BoundaryReport } from '../db/repositories/boundary-report';
import { currentGatePolicy } from '../db/repositories/policy-versions';
import { openCommandDatabase } from './command-db';

export const BOUNDARY_REPORT_USAGE = `usage: cadence boundary-report [--json]

Prints the boundary report for the gate policy in force, over the last BOUNDARY_WINDOW:
per template version, step kind and drafter, the gated ones with their trusted
decisions (viewed, unhurried, by reviewers not flagged for approval theater; the
rest discounted, counted by why), the unchanged-approval rate, how many gated drafts
graduating would have changed, and the outcomes of their sends; a graduation is
recommended only when every condition holds (BOUNDARY_MIN_SAMPLE,
BOUNDARY_UNCHANGED_RATE, BOUNDARY_MIN_WOULD_CHANGE_SHARE, BOUNDARY_MIN_SENDS, the
BOUNDARY_MAX_*_RATE limits and BOUNDARY_MAX_RATIO_TO_CADENCE). The automatic ones
go back behind a gate on the same outcome limits. Accept a recommendation with
POST /v1/boundary-report/accept {"recommendationId": "…"}.

  --json   print the report as one JSON object (as GET /v1/boundary-report)

Exit codes: 0 printed, 1 failure, 2 bad usage.`;

export interface BoundaryReportDeps {
  openDb(config: AppConfig): Promise<Db>;
}

const pct = (r: number | null) => (r === null ? 'n/a' : `${Math.round(r * 1000) / 10}%`);

/** The readable report, ending in the summary line. */
export function formatBoundaryReport(report: BoundaryReport): string {
  const t = report.thresholds;
  const lines = [
    `boundary report for policy ${report.policyVersion}, ${report.window.from.slice(0, 10)} to ${report.window.to.slice(0, 10)} (${report.window.days} days)`,
    `graduate: at least ${t.minSample} trusted decisions (viewed, unhurried, by reviewers not flagged for theater), at least ${pct(t.unchangedRate)} approved unchanged, ` +
      `at least ${pct(t.minWouldChangeShare)} of the gated drafts gated only by rules graduation lifts, at least ${t.minSends} delivered sends`,
    `outcome limits (graduate, and back behind a gate): hard bounces ${pct(t.maxRates.hardBounce)}, complaints ${pct(t.maxRates.complaint)}, unsubscribes ${pct(t.maxRates.unsubscribe)}, ` +
      `negative replies ${pct(t.maxRates.negativeReply)}, and at most ${t.maxRatioToCadence}x the cadence's other templates`,
    `review time: ${report.reviewTime}`,
    '',
    'gated',
  ];
  if (report.gated.length === 0) lines.push('  (no decisions in the window)');
  for (const g of report.gated) {
    const r = g.review;
    const e = g.recommendation.evidence;
    lines.push(
      `  ${g.template.name} v${g.template.version} (${g.template.id}), ${g.stepKind}${g.drafter === 'template' ? '' : `, drafted by ${g.drafter}`}: ` +
        `${r.decided} decisions, ${e.sample} trusted (${e.discounted.notViewed} not viewed, ${e.discounted.fastApproval} fast, ${e.discounted.flaggedReviewer} by flagged reviewers), ` +
        `${pct(g.unchangedRate)} of the trusted unchanged, ${r.edited} edited, ${r.rejected} rejected, median review ${g.medianReviewSeconds === null ? 'n/a' : formatSeconds(g.medianReviewSeconds)}` +
        (r.medianEditDistance === null ? '' : `, median edit distance ${r.medianEditDistance}`),
    );
    lines.push(`    would change ${e.wouldChange} of ${e.gatedDrafts} gated drafts; ${e.deliveredSends} delivered sends`);
    if (r.rejectReasons.length) lines.push(`    reject reasons: ${r.rejectReasons.map((x) => `${x.reason} (${x.count})`).join('; ')}`);
    lines.push(`    ${g.recommendation.action.toUpperCase()}${g.recommendation.id ? ` [${g.recommendation.id}]` : ''}: ${g.recommendation.summary}`);
  }
  lines.push('', 'automatic');
  if (report.automatic.length === 0) lines.push('  (no automatic sends in the window)');
  for (const a of report.automatic) {
    const e = a.exceptions;
    lines.push(
      `  ${a.template.name} v${a.template.version} (${a.template.id}), ${a.stepKind}${a.drafter === 'template' ? '' : `, drafted by ${a.drafter}`}: ${a.sends} sends, exception rate ${pct(a.exceptionRate)} ` +
        `(${e.negativeReplies} negative replies, ${e.hardBounces} hard bounces, ${e.unsubscribes} unsubscribes, ${e.complaints} complaints)`,
    );
    lines.push(`    ${a.recommendation.action.toUpperCase()}${a.recommendation.id ? ` [${a.recommendation.id}]` : ''}: ${a.recommendation.summary}`);
  }
  lines.push('', report.summary);
  return `${lines.join('\n')}\n`;
}

export async function boundaryReportCommand(args: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream, deps: BoundaryReportDeps): Promise<number> {
  let values: { json?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ args, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false }));
  } catch (e) {
    err.write(`cadence: ${(e as Error).message}\n\n${BOUNDARY_REPORT_USAGE}\n`);
    return 2;
  }
  if (values.help) {
    out.write(`${BOUNDARY_REPORT_USAGE}\n`);
    return 0;
  }
  const opened = await openCommandDatabase(deps, err, 'cadence boundary-report');
  if (!opened) return 1;
  const { config, db } = opened;
  try {
    await migrateToLatest(db);
    const policy = await currentGatePolicy(db, gatePolicyFromConfig(config));
    const report = await buildBoundaryReport(db, { policy, thresholds: learningFromConfig(config).boundary, now: new Date() });
    out.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatBoundaryReport(report));
    return 0;
  } finally {
    await db.destroy();
  }
}

import { spawn } from 'node:child_process';
import path from 'node:path';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const ROOT = path.resolve(__dirname, '../..');

/**
 * Runs the real `cadence` entry (scripts/cadence.js) in a child process, asynchronously so that servers
 * living in the test's own process (a DNS server, say) keep answering. Jest's NODE_OPTIONS and the
 * variables named in `unset` are not passed on.
 */
export function runCadenceCli(args: string[], env: Record<string, string> = {}, unset: string[] = [], stdin?: string): Promise<CliResult> {
  const base = { ...process.env };
  for (const name of ['NODE_OPTIONS', ...unset]) delete base[name];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/cadence.js', ...args], { cwd: ROOT, env: { ...base, ...env }, stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    if (stdin !== undefined) child.stdin!.end(stdin);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

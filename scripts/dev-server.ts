import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { Connection } from '@temporalio/client';
import type { TemporalConfig } from '../config/temporal';
import { resolveTemporalCli } from './tools';

export interface DevServer {
  address: string;
  uiUrl: string | null;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `temporal server start-dev` with the project's search attributes and waits until it answers.
 * Without dbFilename the server keeps everything in memory (tests, benchmarks).
 */
export async function startDevServer(options: {
  config: TemporalConfig;
  port: number;
  uiPort?: number;
  dbFilename?: string;
  logLevel?: string;
  /** More `temporal server start-dev` arguments (dynamic config values, for instance). */
  extraArgs?: string[];
}): Promise<DevServer> {
  const { config, port } = options;
  const args = ['server', 'start-dev', '--ip', config.devServer.ip, '--port', String(port), '--namespace', config.namespace];
  args.push('--log-level', options.logLevel ?? config.devServer.logLevel);
  if (options.uiPort) args.push('--ui-port', String(options.uiPort));
  else args.push('--headless');
  if (options.dbFilename) args.push('--db-filename', options.dbFilename);
  for (const [name, type] of Object.entries(config.searchAttributes)) args.push('--search-attribute', `${name}=${type}`);
  args.push(...(options.extraArgs ?? []));

  const child = spawn(resolveTemporalCli(), args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const address = `${config.devServer.ip}:${port}`;
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`temporal dev server exited with ${code}: ${stderr}`))),
  );
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const connection = await Promise.race([Connection.connect({ address, connectTimeout: 1000 }), exited]);
      await connection.workflowService.getSystemInfo({});
      await connection.close();
      break;
    } catch (err) {
      if (child.exitCode !== null || Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`temporal dev server did not start on ${address}: ${(err as Error).message}\n${stderr}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  exited.catch(() => undefined);
  return {
    address,
    uiUrl: options.uiPort ? `http://${config.devServer.ip}:${options.uiPort}` : null,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

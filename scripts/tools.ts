/**
 * Locates the Temporal binaries that scripts/fetch-temporal.sh (`npm run tools`)
 * provides, without downloading anything. Resolution order, the same as that script:
 *
 *   1. the environment variable (TEMPORAL_CLI_PATH / TEMPORAL_TEST_SERVER_PATH),
 *      which must then name an executable file;
 *   2. `.tools/temporal` / `.tools/temporal-test-server` in the repository;
 *   3. `temporal` / `temporal-test-server` on PATH.
 *
 * Node built-ins only, so it can be imported from tests, workers and scripts alike.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The nearest directory at or above `start` that holds a package.json. */
function findRepoRoot(start: string): string {
  let dir = path.resolve(start);
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(start, '..');
    dir = parent;
  }
}

/**
 * Absolute path of the repository root. Computed from this file's location (not the
 * working directory), so it is right from any cwd, from `scripts/` under ts-node/tsx
 * and from a compiled copy under `dist/scripts/`.
 */
export const repoRoot: string = findRepoRoot(__dirname);

function isExecutableFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findOnPath(name: string): string | undefined {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter((d) => d !== '');
  const exts =
    process.platform === 'win32'
      ? ['', ...(process.env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';').filter((e) => e !== '')]
      : [''];
  for (const dir of dirs) {
    for (const ext of exts) {
      const candidate = path.resolve(dir, name + ext);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return undefined;
}

interface ToolSpec {
  /** Human-readable name for error messages. */
  label: string;
  /** Environment variable that overrides the lookup. */
  envVar: string;
  /** File name under `.tools/` and on PATH. */
  binary: string;
}

function resolveTool(spec: ToolSpec): string {
  const fromEnv = process.env[spec.envVar];
  if (fromEnv !== undefined && fromEnv !== '') {
    const resolved = path.resolve(fromEnv);
    if (!isExecutableFile(resolved)) {
      throw new Error(
        `${spec.envVar} is set to '${fromEnv}', which is not an executable file. ` +
          `Point ${spec.envVar} at the ${spec.label} binary, or unset it and run \`npm run tools\` ` +
          '(scripts/fetch-temporal.sh) to fetch it into .tools/.',
      );
    }
    return resolved;
  }

  const local = path.join(repoRoot, '.tools', spec.binary);
  if (isExecutableFile(local)) return local;

  const onPath = findOnPath(spec.binary);
  if (onPath !== undefined) return onPath;

  throw new Error(
    `${spec.label} not found (looked at $${spec.envVar}, ${local} and '${spec.binary}' on PATH). ` +
      'Run `npm run tools` (scripts/fetch-temporal.sh) to fetch it into .tools/, ' +
      `or set ${spec.envVar} to an existing binary.`,
  );
}

/** Path of the Temporal CLI (`temporal server start-dev ...`). */
export function resolveTemporalCli(): string {
  return resolveTool({ label: 'Temporal CLI', envVar: 'TEMPORAL_CLI_PATH', binary: 'temporal' });
}

/** Path of the Java time-skipping test server (started as `temporal-test-server <port>`). */
export function resolveTestServer(): string {
  return resolveTool({
    label: 'Temporal time-skipping test server',
    envVar: 'TEMPORAL_TEST_SERVER_PATH',
    binary: 'temporal-test-server',
  });
}

import { accessSync, constants } from 'node:fs';
import path from 'node:path';

// Where the browser tests find Chromium: the same places, in the same order, as
// scripts/install-chromium.sh (which scripts/test.sh runs first, installing Debian's package as root).

const executable = (file: string) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

export interface ChromiumLookup {
  path: string | null;
  /** Where it looked, for the message when there is none. */
  searched: string[];
}

export function findChromium(): ChromiumLookup {
  const searched: string[] = [];
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    searched.push(`CHROMIUM_PATH=${fromEnv}`);
    if (executable(fromEnv)) return { path: fromEnv, searched };
  }
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const name of ['chromium', 'chromium-browser']) {
    searched.push(`${name} on PATH`);
    for (const dir of dirs) {
      const file = path.join(dir, name);
      if (executable(file)) return { path: file, searched };
    }
  }
  searched.push('/usr/lib/chromium/chromium');
  if (executable('/usr/lib/chromium/chromium')) return { path: '/usr/lib/chromium/chromium', searched };
  return { path: null, searched };
}

/** CI=true (or any value but false/0): a missing browser is a failure there, never a skip. */
export function inCi(): boolean {
  const ci = (process.env.CI ?? '').trim().toLowerCase();
  return ci !== '' && ci !== 'false' && ci !== '0';
}

import type { DevServer } from '../../scripts/dev-server';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as any).__cadenceDevServer as DevServer | undefined;
  await server?.stop();
}

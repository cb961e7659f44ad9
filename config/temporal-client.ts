import { readFileSync } from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import type { TemporalConfig } from './temporal';

export function connectionOptions(config: TemporalConfig) {
  const mtls = config.clientCertPath && config.clientKeyPath
    ? { clientCertPair: { crt: readFileSync(config.clientCertPath), key: readFileSync(config.clientKeyPath) } }
    : undefined;
  return {
    address: config.address,
    tls: mtls ?? (config.tls || config.apiKey ? true : undefined),
    apiKey: config.apiKey,
  };
}

export async function connectClient(config: TemporalConfig): Promise<{ client: Client; connection: Connection }> {
  const connection = await Connection.connect(connectionOptions(config));
  return { client: new Client({ connection, namespace: config.namespace }), connection };
}

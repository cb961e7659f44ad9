import type { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { ConfigError } from '../config/errors';
import type { TemporalConfig } from '../config/temporal';
import { searchAttributes } from '../workflows/definitions';

const GRPC_UNIMPLEMENTED = 12;
const IndexedValueType = temporal.api.enums.v1.IndexedValueType;
const typeNames: Record<string, keyof typeof IndexedValueType> = {
  Keyword: 'INDEXED_VALUE_TYPE_KEYWORD',
  Text: 'INDEXED_VALUE_TYPE_TEXT',
  Int: 'INDEXED_VALUE_TYPE_INT',
  Double: 'INDEXED_VALUE_TYPE_DOUBLE',
  Bool: 'INDEXED_VALUE_TYPE_BOOL',
  Datetime: 'INDEXED_VALUE_TYPE_DATETIME',
  KeywordList: 'INDEXED_VALUE_TYPE_KEYWORD_LIST',
};
const sdkTypeNames: Record<string, string> = {
  KEYWORD: 'Keyword',
  TEXT: 'Text',
  INT: 'Int',
  DOUBLE: 'Double',
  BOOL: 'Bool',
  DATETIME: 'Datetime',
  KEYWORD_LIST: 'KeywordList',
};

/** Every search attribute the workflow writes must be declared in temporal.yaml with the same type. */
export function checkDeclaredSearchAttributes(config: TemporalConfig): void {
  for (const key of Object.values(searchAttributes)) {
    const declared = config.searchAttributes[key.name];
    const expected = sdkTypeNames[key.type];
    if (declared !== expected) {
      throw new ConfigError(`temporal.yaml: searchAttributes.${key.name} must be declared as ${expected} (found ${declared ?? 'nothing'})`);
    }
  }
}

/** Registers the custom search attributes that the namespace does not have yet. */
export async function ensureSearchAttributes(connection: Connection, config: TemporalConfig): Promise<string[]> {
  checkDeclaredSearchAttributes(config);
  let registered: Record<string, unknown> = {};
  try {
    registered = (await connection.operatorService.listSearchAttributes({ namespace: config.namespace })).customAttributes ?? {};
  } catch (err) {
    // The time-skipping test server can add search attributes but cannot list them.
    if ((err as { code?: number }).code !== GRPC_UNIMPLEMENTED) throw err;
  }
  const missing = Object.entries(config.searchAttributes).filter(([name]) => !(name in registered));
  if (missing.length === 0) return [];
  await connection.operatorService.addSearchAttributes({
    namespace: config.namespace,
    searchAttributes: Object.fromEntries(missing.map(([name, type]) => [name, IndexedValueType[typeNames[type]!]])),
  });
  return missing.map(([name]) => name);
}

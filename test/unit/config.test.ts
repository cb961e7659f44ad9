import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crmSettingsFromConfig, gatePolicyFromConfig, loadAppConfig } from '../../config/app';
import { buildCrmAdapters } from '../../workers/crm-adapters';
import { loadTemporalConfig, defaultTemporalConfigPath } from '../../config/temporal';
import { checkDeclaredSearchAttributes } from '../../workers/search-attributes';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cadence-config-'));
const withYaml = (edit: (text: string) => string) => {
  const file = path.join(dir, `${Math.random()}.yaml`);
  writeFileSync(file, edit(readFileSync(defaultTemporalConfigPath, 'utf8')));
  return file;
};

test('the shipped temporal.yaml is valid and declares every search attribute the workflow writes', () => {
  const config = loadTemporalConfig(defaultTemporalConfigPath, {});
  expect(config).toMatchObject({ address: '127.0.0.1:7233', namespace: 'default', taskQueue: 'cadence' });
  expect(() => checkDeclaredSearchAttributes(config)).not.toThrow();
});

test('environment variables override temporal.yaml', () => {
  const config = loadTemporalConfig(defaultTemporalConfigPath, { TEMPORAL_ADDRESS: 'temporal.prod:7233', TEMPORAL_NAMESPACE: 'sales', TEMPORAL_TLS: 'true' });
  expect(config).toMatchObject({ address: 'temporal.prod:7233', namespace: 'sales', tls: true });
});

test('a bad value stops start-up with a message naming it', () => {
  expect(() => loadTemporalConfig(defaultTemporalConfigPath, { TEMPORAL_ADDRESS: 'no-port' })).toThrow(/address: must be host:port/);
  expect(() => loadTemporalConfig(withYaml((t) => t.replace('port: 7233 ', 'port: 99999 ')), {})).toThrow(/devServer\.port/);
  expect(() => loadTemporalConfig(withYaml((t) => t.replace('CadenceStatus: Keyword', 'CadenceStatus: Keyword\n  Bad: Nope')), {})).toThrow(/searchAttributes\.Bad/);
  expect(() => loadTemporalConfig(withYaml((t) => `${t}\nunknownKey: 1\n`), {})).toThrow(/unknownKey/);
  expect(() => loadTemporalConfig(defaultTemporalConfigPath, { TEMPORAL_TLS: 'maybe' })).toThrow(/TEMPORAL_TLS/);
  const missing = loadTemporalConfig(withYaml((t) => t.replace(/\n\s+CadenceNextTouchAt: Datetime/, '')), {});
  expect(() => checkDeclaredSearchAttributes(missing)).toThrow(/searchAttributes\.CadenceNextTouchAt must be declared as Datetime/);
});

test('the app environment is validated, and the gate policy version follows its values', () => {
  expect(() => loadAppConfig({ GATE_CONFIDENCE_THRESHOLD: '1.5' })).toThrow(/GATE_CONFIDENCE_THRESHOLD/);
  expect(() => loadAppConfig({ APPROVAL_REMIND_AFTER: 'soon' })).toThrow(/APPROVAL_REMIND_AFTER: must be a duration/);
  expect(() => loadAppConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  const config = loadAppConfig({ APPROVAL_REMIND_AFTER: '90m' });
  const policy = gatePolicyFromConfig(config);
  expect(policy).toMatchObject({ confidenceThreshold: 0.85, approvalRemindAfterMs: 90 * 60_000, strategicTiers: ['strategic'] });
  expect(gatePolicyFromConfig(loadAppConfig({ GATE_CONFIDENCE_THRESHOLD: '0.9' })).version).not.toBe(policy.version);
});

test('CRM adapters: each is on when its settings are whole; half a configuration stops start-up naming what is missing', () => {
  const crm = (env: Record<string, string>) => crmSettingsFromConfig(loadAppConfig(env));
  expect(crm({})).toEqual({});
  expect(Object.keys(buildCrmAdapters(crm({})))).toEqual([]);
  expect(crm({ HUBSPOT_ACCESS_TOKEN: 'pat-na1-abc' })).toEqual({ hubspot: { accessToken: 'pat-na1-abc' } });
  const both = crm({ HUBSPOT_ACCESS_TOKEN: 'pat-na1-abc', SALESFORCE_INSTANCE_URL: 'https://acme.my.salesforce.com', SALESFORCE_ACCESS_TOKEN: '00D!tok', SALESFORCE_API_VERSION: '61.0' });
  expect(both.salesforce).toEqual({ instanceUrl: 'https://acme.my.salesforce.com', accessToken: '00D!tok', apiVersion: '61.0' });
  const adapters = buildCrmAdapters(both);
  expect([adapters.hubspot?.baseUrl, adapters.salesforce?.baseUrl]).toEqual(['https://api.hubapi.com', 'https://acme.my.salesforce.com']);

  expect(() => crm({ HUBSPOT_BASE_URL: 'https://api.hubapi.com' })).toThrow(/HUBSPOT_ACCESS_TOKEN: required when HUBSPOT_BASE_URL is set/);
  expect(() => crm({ SALESFORCE_INSTANCE_URL: 'https://acme.my.salesforce.com' })).toThrow(/^SALESFORCE_ACCESS_TOKEN: required for the Salesforce adapter/);
  expect(() => crm({ SALESFORCE_ACCESS_TOKEN: '00D!tok' })).toThrow(/^SALESFORCE_INSTANCE_URL: required/);
  expect(() => crm({ SALESFORCE_API_VERSION: '62.0' })).toThrow(/SALESFORCE_INSTANCE_URL, SALESFORCE_ACCESS_TOKEN: required/);
  expect(() => crm({ HUBSPOT_ACCESS_TOKEN: 'x', HUBSPOT_BASE_URL: 'api.hubapi.com' })).toThrow(/HUBSPOT_BASE_URL: must be an http/);
  expect(() => crm({ SALESFORCE_INSTANCE_URL: 'ftp://acme', SALESFORCE_ACCESS_TOKEN: 't' })).toThrow(/SALESFORCE_INSTANCE_URL: must be an http/);
  expect(() => crm({ SALESFORCE_INSTANCE_URL: 'https://acme.my.salesforce.com', SALESFORCE_ACCESS_TOKEN: 't', SALESFORCE_API_VERSION: 'v62' })).toThrow(/SALESFORCE_API_VERSION: must be a REST API version/);
  // An empty value is no value: the adapter is off, not configured with an empty token.
  expect(crm({ HUBSPOT_ACCESS_TOKEN: '' })).toEqual({});
});

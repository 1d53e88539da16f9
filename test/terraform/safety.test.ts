/**
 * Secrets never leave the converter: not in the blueprint, the report, the graph or diagnostics.
 * The fixture holds fake passwords and a fake private key in every place Terraform puts them.
 */
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/convert.js';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { inputFromText } from '../../src/input.js';

const KEY = '-----BEGIN RSA PRIVATE KEY-----\nMIIFAKEFAKEFAKEFAKE0123456789\n-----END RSA PRIVATE KEY-----\n';
const SECRETS = ['FAKE-db-password-9f8e7d', 'MIIFAKEFAKEFAKEFAKE0123456789', 'FAKE-token-31337', 'FAKE-after-sensitive', 'FAKE-tag-secret', 'FAKE-user-data'];

const stateDoc = {
  version: 4, terraform_version: '1.7.0', serial: 1, lineage: 'l',
  outputs: { password: { value: 'FAKE-db-password-9f8e7d', type: 'string', sensitive: true } },
  resources: [
    { mode: 'managed', type: 'aws_db_instance', name: 'db', provider: 'provider["registry.terraform.io/hashicorp/aws"]', instances: [{
      schema_version: 2, attributes: { id: 'db', engine: 'postgres', instance_class: 'db.t3.micro', password: 'FAKE-db-password-9f8e7d', username: 'admin' },
      sensitive_attributes: [[{ type: 'get_attr', value: 'password' }]],
    }] },
    { mode: 'managed', type: 'tls_private_key', name: 'k', provider: 'provider["registry.terraform.io/hashicorp/tls"]', instances: [{
      schema_version: 1, attributes: { id: 'k', algorithm: 'RSA', private_key_pem: KEY }, sensitive_attributes: [[{ type: 'get_attr', value: 'private_key_pem' }]],
    }] },
    // Not marked sensitive (older providers): still never copied, because only mapped fields are read.
    { mode: 'managed', type: 'aws_instance', name: 'web', provider: 'provider["registry.terraform.io/hashicorp/aws"]', instances: [{
      schema_version: 1, attributes: { id: 'i-1', instance_type: 't3.micro', user_data: 'FAKE-user-data', tags: { Secret: 'FAKE-tag-secret' } },
    }] },
    { mode: 'managed', type: 'aws_lambda_function', name: 'fn', provider: 'provider["registry.terraform.io/hashicorp/aws"]', instances: [{
      schema_version: 0, attributes: { id: 'fn', memory_size: 128, environment: [{ variables: { TOKEN: 'FAKE-token-31337' } }] },
      sensitive_attributes: [[{ type: 'get_attr', value: 'environment' }, { type: 'index', value: { value: 0, type: 'number' } }, { type: 'get_attr', value: 'variables' }]],
    }] },
  ],
};

const planDoc = {
  format_version: '1.2', terraform_version: '1.9.0',
  planned_values: { root_module: { resources: [
    { address: 'aws_db_instance.db', mode: 'managed', type: 'aws_db_instance', name: 'db', values: { engine: 'mysql', password: 'FAKE-after-sensitive' }, sensitive_values: {} },
  ] } },
  resource_changes: [{ address: 'aws_db_instance.db', mode: 'managed', type: 'aws_db_instance', name: 'db',
    change: { actions: ['create'], before: null, after: { engine: 'mysql', password: 'FAKE-after-sensitive' }, after_sensitive: { password: true } } }],
};

function leaks(text: string): string[] {
  return SECRETS.filter((s) => text.includes(s));
}

describe('secrets', () => {
  it.each([['a state', stateDoc], ['a plan', planDoc]])('never appear in the output of %s', async (_, doc) => {
    const r = await convert(inputFromText(JSON.stringify(doc), 'secret.tfstate'), { verbose: true } as never);
    expect(r.ok).toBe(true);
    expect(leaks(JSON.stringify(r.blueprint))).toEqual([]);
    expect(leaks(JSON.stringify(r.report))).toEqual([]);
    expect(leaks(JSON.stringify(r.graph))).toEqual([]);
    expect(leaks(r.diagnostics.map(formatDiagnostic).join('\n'))).toEqual([]);
  });

  it('never appear in syntax error messages', async () => {
    const broken = JSON.stringify(stateDoc).replace('"username"', 'username');
    const r = await convert(inputFromText(broken, 'broken.tfstate'));
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]!.ruleId).toBe('terraform-json-syntax');
    expect(leaks(r.diagnostics.map(formatDiagnostic).join('\n'))).toEqual([]);
  });
});

describe('sensitive marks win over mapping', () => {
  it('does not map a field Terraform marks sensitive (state and plan)', async () => {
    const { graphOf, one, state } = await import('./helpers.js');
    const marked = state([{ type: 'aws_instance', name: 'w', instances: [{ attributes: { id: 'i', instance_type: 'm5.large' }, sensitive: ['instance_type'] }] }]);
    expect(graphOf(marked).resources[0]!.props).toEqual({});
    expect(graphOf(state([one('aws_instance', 'w', { id: 'i', instance_type: 'm5.large' })])).resources[0]!.props).toEqual({ instanceType: 'm5', instanceSize: 'large' });
    const plan = {
      format_version: '1.2',
      planned_values: { root_module: { resources: [{ address: 'aws_instance.w', mode: 'managed', type: 'aws_instance', name: 'w', values: { instance_type: 'm5.large' }, sensitive_values: {} }] } },
      resource_changes: [{ address: 'aws_instance.w', mode: 'managed', type: 'aws_instance', name: 'w', change: { actions: ['create'], after: { instance_type: 'm5.large' }, after_sensitive: { instance_type: true } } }],
    };
    expect(graphOf(plan).resources[0]!.props).toEqual({});
  });
});

/**
 * PLACEHOLDER CloudFormation converter (JSON only, a handful of types) so the pipeline runs end
 * to end while the real converter is written. Replaced by the full converter.
 */
import type { Converter, ConverterResult } from '../../src/converter.js';
import { DiagnosticBag } from '../../src/diagnostics.js';
import { GraphBuilder } from '../../src/graph/builder.js';
import type { InputSource } from '../../src/input.js';

const TYPES: Record<string, string> = { 'AWS::EC2::VPC': 'vpc', 'AWS::EC2::Subnet': 'subnet', 'AWS::EC2::Instance': 'ec2', 'AWS::S3::Bucket': 's3', 'AWS::Lambda::Function': 'lambda' };

function detect(input: InputSource): number {
  const j = input.json() as Record<string, unknown> | undefined;
  return j && typeof j === 'object' && 'Resources' in j ? 0.9 : 0;
}

function parse(inputs: readonly InputSource[]): ConverterResult {
  const bag = new DiagnosticBag('cloudformation');
  const b = new GraphBuilder();
  for (const input of inputs) {
    const t = input.json() as { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> };
    for (const [id, res] of Object.entries(t.Resources)) {
      const address = `${input.name}#${id}`;
      const ccType = TYPES[res.Type];
      if (!ccType) {
        b.omit({ address, sourceType: res.Type, provider: 'aws', reason: 'no-component' });
        continue;
      }
      b.add({ address, provider: 'aws', sourceType: res.Type, ccType, name: id, region: 'us-east-1' });
    }
  }
  return { graph: b.build(), diagnostics: bag.items };
}

export const converter: Converter = { name: 'cloudformation', description: 'AWS CloudFormation (placeholder)', detect, parse };

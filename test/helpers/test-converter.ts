/**
 * A tiny converter for pipeline and CLI tests that must not depend on the real converters:
 * JSON `{ "testfmt": [ { "id", "type", "cc"?, "in"? , "error"? } ] }`.
 */
import type { Converter } from '../../src/converter.js';
import { DiagnosticBag, InputError } from '../../src/diagnostics.js';
import { GraphBuilder } from '../../src/graph/builder.js';
import { resourceId } from '../../src/ids.js';

interface Item { id: string; type: string; cc?: string; vpc?: string; subnet?: string; error?: string; warn?: string; to?: string }

export const testConverter: Converter = {
  name: 'testfmt',
  description: 'test-only format',
  detect: (input) => {
    const j = input.json() as { testfmt?: unknown } | undefined;
    return j && typeof j === 'object' && Array.isArray(j.testfmt) ? 0.9 : 0;
  },
  parse(inputs) {
    const bag = new DiagnosticBag('testfmt', inputs[0]!.name);
    const b = new GraphBuilder('test');
    for (const input of inputs) {
      for (const item of (input.json() as { testfmt: Item[] }).testfmt) {
        if (item.error) throw new InputError(item.error, { ruleId: 'test-error', source: 'testfmt', file: input.name, place: { line: 3, column: 7 } });
        if (item.warn) bag.warn('test-warning', item.warn, { line: 1, column: 1 });
        const address = `${input.name}#${item.id}`;
        const r = b.add({ address, provider: 'aws', sourceType: item.type, ccType: item.cc, name: item.id, region: 'us-east-1',
          in: { ...(item.vpc ? { vpc: resourceId(`${input.name}#${item.vpc}`) } : {}), ...(item.subnet ? { subnets: [resourceId(`${input.name}#${item.subnet}`)] } : {}) } });
        if (item.to) b.edge(r.id, resourceId(`${input.name}#${item.to}`), 'reference');
      }
    }
    return { graph: b.build(), diagnostics: bag.items };
  },
};

/**
 * The raw CloudFormation templates behind a converted side, by stack name, for
 * @aws-cdk/cloudformation-diff (which compares templates as written, intrinsics and all) and for
 * literal physical names. Read with the CloudFormation converter's own loader, so short-form
 * tags, lenient YAML and cdk.out manifests mean the same thing here as in `convert`.
 */
import type { InputSource } from '../input.js';
import { openRelative } from '../input.js';
import { stackNameOf } from '../../converters/cloudformation/convert.js';
import { readCdkAssembly } from '../../converters/cloudformation/load/cdk.js';
import { loadTemplate } from '../../converters/cloudformation/load/template.js';
import { Reporter } from '../../converters/cloudformation/rules.js';

export interface StackTemplate {
  /** Stack name as the converter names it (the first segment of its resources' addresses). */
  stack: string;
  file: string;
  template: Record<string, unknown>;
}

/**
 * Root stacks of one input (a template file or a cdk.out folder), in the order the converter
 * takes them; a second stack of the same name gets `-2`, as the converter does. Problems were
 * already reported by the conversion, so they are not repeated here.
 */
export function rootTemplates(source: InputSource): StackTemplate[] {
  const reporter = new Reporter();
  const found: { stack: string; source: InputSource }[] = [];
  if (source.kind === 'directory') {
    const roots = [source.path ?? process.cwd()];
    const ctx = { options: {}, openRelative: (from: InputSource, ref: string) => openRelative(from, ref, roots) };
    for (const s of readCdkAssembly(source, ctx, reporter)) found.push({ stack: s.stackName, source: s.source });
  } else {
    found.push({ stack: stackNameOf(source), source });
  }
  const used = new Map<string, number>();
  const out: StackTemplate[] = [];
  for (const f of found) {
    const loaded = loadTemplate(f.source, reporter);
    if (!loaded) continue;
    const n = (used.get(f.stack) ?? 0) + 1;
    used.set(f.stack, n);
    out.push({ stack: n === 1 ? f.stack : `${f.stack}-${n}`, file: loaded.file, template: loaded.template });
  }
  return out;
}


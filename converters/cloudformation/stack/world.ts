/**
 * Everything shared by the stacks of one conversion: the reporter, the context (for opening
 * nested templates), every stack loaded so far, nested-stack loading and the export index that
 * Fn::ImportValue reads across stacks and inputs.
 */
import type { Point } from '../../../src/diagnostics.js';
import type { ConvertContext } from '../../../src/converter.js';
import { Unknown, type Value } from '../eval/values.js';
import { isPlainObject, type LoadedTemplate } from '../load/template.js';
import type { Reporter } from '../rules.js';
import { loadNestedStack } from './nested.js';
import type { Stack } from './stack.js';

const PENDING = Symbol('pending');

export class World {
  readonly stacks: Stack[] = [];
  /** Absolute paths of templates that some stack loaded as a nested stack. */
  readonly nestedPaths = new Set<string>();
  /** Parsed templates by absolute path (a template used twice is parsed once). */
  readonly templates = new Map<string, LoadedTemplate | null>();
  private readonly children = new Map<string, Stack | null | typeof PENDING>();
  private readonly exports = new Map<string, { stack: Stack; output: string }>();
  private indexedStacks = 0;
  private indexing = false;

  constructor(readonly ctx: ConvertContext, readonly reporter: Reporter) {}

  register(stack: Stack): void {
    this.stacks.push(stack);
  }

  /** The nested stack behind a resource, loaded once; undefined when it cannot be opened. */
  nested(parent: Stack, logicalId: string): Stack | undefined {
    const key = `${parent.path}/${logicalId}`;
    const state = this.children.get(key);
    if (state === PENDING) {
      this.reporter.report('output-cycle', `nested stack ${logicalId} needs its own outputs to get its parameters`, parent.file, parent.resources.get(logicalId)?.at);
      return undefined;
    }
    if (state !== undefined) return state ?? undefined;
    this.children.set(key, PENDING);
    const child = loadNestedStack(this, parent, logicalId);
    this.children.set(key, child ?? null);
    return child;
  }

  /** Whether the resource's nested stack was loaded (it is then drawn through its contents). */
  loadedChild(parent: Stack, logicalId: string): Stack | undefined {
    const state = this.children.get(`${parent.path}/${logicalId}`);
    return state && state !== PENDING ? state : undefined;
  }

  importValue(name: string, from: Stack, at: Point | undefined): Value {
    this.indexExports();
    const hit = this.exports.get(name);
    if (hit) return hit.stack.output(hit.output, at);
    this.reporter.report('import-unresolved', `Fn::ImportValue ${JSON.stringify(name)}: no input exports it (give the exporting template as another input to link them)`, from.file, at);
    return new Unknown(`import ${name}`);
  }

  /** Adds the exports of stacks loaded since the last call (export names are evaluated lazily). */
  private indexExports(): void {
    if (this.indexing) return;
    this.indexing = true;
    try {
      while (this.indexedStacks < this.stacks.length) {
        const stack = this.stacks[this.indexedStacks++]!;
        for (const [output, decl] of stack.outputDeclarations()) {
          const exp = isPlainObject(decl.raw) ? decl.raw['Export'] : undefined;
          if (!isPlainObject(exp)) continue;
          const name = stack.ev.evaluate(exp['Name'], decl.scope);
          if (typeof name === 'string' && !this.exports.has(name)) this.exports.set(name, { stack, output });
        }
      }
    } finally {
      this.indexing = false;
    }
  }
}

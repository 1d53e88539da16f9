/**
 * Blueprint validation: the JSON Schema (ajv, draft 2020-12) and then the references a schema
 * cannot express — unique ids, group members, edge ends, label anchors. Messages carry JSON
 * pointers into the blueprint. The schema is compiled ahead of time by ajv's standalone mode
 * (validator.generated.ts), so no run pays ajv's ~270 ms compilation.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import { blueprintObjects, type Blueprint } from '../blueprint.js';
import { canContain } from '../catalog/index.js';
import { LABEL_ANCHOR_KEY } from '../catalog/placement.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics.js';
import precompiled from './validator.generated.js';

interface CompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

const schemaValidator = (): CompiledValidator => precompiled as CompiledValidator;

const MAX_SCHEMA_ERRORS = 50;

function schemaDiagnostics(errors: readonly ErrorObject[], file: string | undefined): Diagnostic[] {
  // allOf/if-then repeats the same failure at several schema paths; keep one per place and message.
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const e of errors) {
    // A discriminated oneOf repeats the branch's own errors; the branch errors say more.
    if (e.keyword === 'if' || e.keyword === 'oneOf') continue;
    const detail = e.keyword === 'enum' ? ` (${(e.params as { allowedValues?: unknown[] }).allowedValues?.map((v) => JSON.stringify(v)).join(', ')})` : '';
    const reason = `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${detail}`;
    if (seen.has(reason)) continue;
    seen.add(reason);
    out.push(createDiagnostic(reason, { ruleId: `schema-${e.keyword}`, source: 'schema', pointer: e.instancePath || '/', ...(file ? { file } : {}) }));
    if (out.length >= MAX_SCHEMA_ERRORS) break;
  }
  return out;
}

export interface ValidationResult {
  ok: boolean;
  diagnostics: Diagnostic[];
}

export function validateBlueprint(blueprint: unknown, file?: string): ValidationResult {
  const validate = schemaValidator();
  if (!validate(blueprint)) {
    return { ok: false, diagnostics: schemaDiagnostics(validate.errors ?? [], file) };
  }
  const diagnostics = checkReferences(blueprint as Blueprint, file);
  return { ok: !diagnostics.some((d) => d.severity === 'error'), diagnostics };
}

export function checkReferences(b: Blueprint, file?: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (reason: string, ruleId: string, pointer: string, severity: 'error' | 'warning' = 'error') =>
    out.push(createDiagnostic(reason, { ruleId, source: 'references', pointer, severity, ...(file ? { file } : {}) }));
  const typeOf = new Map<string, string>();
  for (const { array, index, object } of blueprintObjects(b)) {
    if (typeOf.has(object.id)) report(`duplicate id ${JSON.stringify(object.id)}`, 'duplicate-id', `/data/${array}/${index}/id`);
    typeOf.set(object.id, object.type);
  }
  for (const { array, index, object } of blueprintObjects(b)) {
    const at = `/data/${array}/${index}`;
    if (array === 'edges') {
      for (const end of ['from', 'to'] as const) {
        const id = object[end];
        if (typeof id === 'string' && !typeOf.has(id)) report(`edge ${end} ${JSON.stringify(id)} does not exist`, 'dangling-edge', `${at}/${end}`);
      }
      continue;
    }
    const members = object['nodes'];
    if (Array.isArray(members)) {
      members.forEach((m, k) => {
        const t = typeof m === 'string' ? typeOf.get(m) : undefined;
        if (t === undefined) report(`member ${JSON.stringify(m)} of ${object.type} does not exist`, 'dangling-member', `${at}/nodes/${k}`);
        else if (!canContain(object.type, t)) report(`${object.type} does not accept a ${t} member`, 'member-type', `${at}/nodes/${k}`, 'warning');
      });
    }
    const anchor = LABEL_ANCHOR_KEY ? object[LABEL_ANCHOR_KEY] : undefined;
    if (typeof anchor === 'string' && !typeOf.has(anchor)) report(`label anchor ${JSON.stringify(anchor)} does not exist`, 'dangling-anchor', `${at}/${LABEL_ANCHOR_KEY}`);
    const pos = object['mapPos'];
    if (pos && typeof pos === 'object' && !Array.isArray(pos)) {
      const rel = (pos as { relTo?: unknown }).relTo;
      if (typeof rel === 'string' && !typeOf.has(rel)) report(`mapPos.relTo ${JSON.stringify(rel)} does not exist`, 'dangling-anchor', `${at}/mapPos/relTo`);
    }
  }
  return out;
}

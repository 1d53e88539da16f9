/**
 * cloudcraft-convert as a library:
 *
 *   import { convert, validate, registerConverter } from 'cloudcraft-convert';
 *   const { ok, blueprint, report, diagnostics } = await convert('template.yaml', { region: 'eu-west-1' });
 *
 * Inputs may be paths, `{ text }`, `{ bytes }` or `{ object }`; results are data, never thrown.
 */
export { convert, type ConvertResult, type PipelineOptions } from './convert.js';
export { validateBlueprint as validate, validateBlueprint, checkReferences, type ValidationResult } from './validate/index.js';
export { buildBlueprintSchema } from './validate/schema-builder.js';
export { registerConverter, unregisterConverter, getConverter, listConverters, detectConverter } from './registry.js';
export { ensureBuiltins } from './builtins.js';
export type { Converter, ConvertContext, ConvertOptions, ConverterResult, CliOptionSpec } from './converter.js';
export { inputFromPath, inputFromText, inputFromBytes, inputFromObject, decodeText, type InputSource, type InputLike, type InputKind } from './input.js';
export { createDiagnostic, formatDiagnostic, DiagnosticBag, InputError, type Diagnostic, type Severity, type Point } from './diagnostics.js';
export { uuidv5, resourceId, derivedId } from './ids.js';
export * from './graph/index.js';
export { layout } from './layout/index.js';
export type { Scene, SceneNode, SceneGroup, SceneLabel, Box, LayoutOptions, GroupBy } from './layout/types.js';
export { emitBlueprint, type EmitOptions } from './emit/emit.js';
export { serializeBlueprint, type Blueprint, type BlueprintData, type BlueprintObject } from './blueprint.js';
export { buildReport, summaryLine, type Report, type ReportEntry, type ReportStatus } from './report.js';
export { componentSpec, componentTypes, canContain, sanitizeProps, arrayOf, type ComponentSpec, type FieldSpec } from './catalog/index.js';
export { renderSvg, renderHtml, renderBlueprint, formatForFile, type RenderOptions, type RenderResult, type RenderFormat, type RenderStats, type Projection as RenderProjection, type Theme as RenderTheme } from './render/index.js';
export { diff, diffPlan, diffReport, formatDiffText, formatDiffMarkdown, DIFF_COLOURS, DIFF_MARKS, type DiffResult, type DiffOptions, type DiffSummary, type ResourceChange, type PropertyChange, type EdgeChange, type ChangeKind, type MatchTier, type Replacement, type SideInfo, type TextReportOptions, type MarkdownReportOptions } from './diff/index.js';

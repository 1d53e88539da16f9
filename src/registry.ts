/**
 * The converter registry: built-in converters plus any a library user registers. Detection asks
 * every converter for its confidence and takes the highest; ties go to the earlier registration.
 */
import type { Converter } from './converter.js';
import type { InputSource } from './input.js';

const converters: Converter[] = [];

export function registerConverter(converter: Converter): void {
  if (!converter || typeof converter.name !== 'string' || typeof converter.detect !== 'function' || typeof converter.parse !== 'function') {
    throw new TypeError('a converter needs a name, detect(input) and parse(inputs, ctx)');
  }
  const i = converters.findIndex((c) => c.name === converter.name);
  if (i >= 0) converters[i] = converter;
  else converters.push(converter);
}

export function unregisterConverter(name: string): boolean {
  const i = converters.findIndex((c) => c.name === name);
  if (i < 0) return false;
  converters.splice(i, 1);
  return true;
}

export function getConverter(name: string): Converter | undefined {
  return converters.find((c) => c.name === name);
}

export function listConverters(): readonly Converter[] {
  return converters;
}

/** Minimum confidence for auto-detection to pick a converter. */
export const DETECT_THRESHOLD = 0.3;

export interface Detection {
  converter: Converter;
  confidence: number;
}

export function detectConverter(input: InputSource): Detection | undefined {
  let best: Detection | undefined;
  for (const converter of converters) {
    let confidence = 0;
    try {
      confidence = converter.detect(input);
    } catch {
      confidence = 0;
    }
    if (confidence >= DETECT_THRESHOLD && (!best || confidence > best.confidence)) best = { converter, confidence };
  }
  return best;
}

/** Why no converter took an input: the first converter that recognises a near miss explains it. */
export function explainRejection(input: InputSource): string | undefined {
  for (const c of converters) {
    const why = c.explainRejection?.(input);
    if (why) return why;
  }
  return undefined;
}

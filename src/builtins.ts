/**
 * Registers the built-in converters once, on first use, so importing the library (or running
 * `--version`) does not load every parser.
 */
import { registerConverter, getConverter } from './registry.js';

let loaded: Promise<void> | undefined;

export function ensureBuiltins(): Promise<void> {
  loaded ??= (async () => {
    const modules = await Promise.all([
      import('../converters/cloudformation/index.js'),
      import('../converters/terraform/index.js'),
      import('../converters/drawio/index.js'),
    ]);
    // Built-ins register in a fixed order; a user's converter registered earlier keeps its name.
    for (const m of modules) if (!getConverter(m.converter.name)) registerConverter(m.converter);
  })();
  return loaded;
}

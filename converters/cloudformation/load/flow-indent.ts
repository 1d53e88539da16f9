/**
 * CloudFormation's YAML parser accepts flow collections whose continuation lines are indented no
 * deeper than their key (`Tags: {` followed by entries at the key's column), which YAML 1.2
 * forbids and which the `yaml` package cannot recover from (its lenient mode garbles the rest of
 * the mapping). We re-indent exactly those continuation lines and remember the spaces we added,
 * so diagnostics still point at the original line and column.
 */

export interface Reindented {
  text: string;
  /** Offsets (in the new text) where spaces were inserted, with how many. Sorted. */
  inserts: { at: number; count: number }[];
}

/** Net `{[` minus `]}` outside quotes and comments on one line of flow content. */
function bracketDelta(line: string): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) {
        if (quote === "'" && line[i + 1] === "'") i++;
        else quote = undefined;
      } else if (c === '\\' && quote === '"') i++;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) break;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return depth;
}

const OPENER = /^(\s*)(?:-\s+)?[^#\s][^#]*?:\s*(?:![A-Za-z]+\s*)?[{[]/;

/** Returns undefined when nothing needed re-indenting. */
export function reindentFlowCollections(text: string): Reindented | undefined {
  const lines = text.split('\n');
  const inserts: Reindented['inserts'] = [];
  let offset = 0;
  let changed = false;
  let i = 0;
  const out: string[] = [];
  while (i < lines.length) {
    const line = lines[i]!;
    const m = OPENER.exec(line);
    const depth = m ? bracketDelta(line) : 0;
    out.push(line);
    offset += line.length + 1;
    i++;
    if (!m || depth <= 0) continue;
    const keyIndent = m[1]!.length;
    let open = depth;
    while (i < lines.length && open > 0) {
      let next = lines[i]!;
      const indent = /^ */.exec(next)![0].length;
      if (next.trim() !== '' && indent <= keyIndent) {
        const add = keyIndent + 2 - indent;
        inserts.push({ at: offset, count: add });
        next = ' '.repeat(add) + next;
        changed = true;
      }
      open += bracketDelta(next);
      out.push(next);
      offset += next.length + 1;
      i++;
    }
  }
  return changed ? { text: out.join('\n'), inserts } : undefined;
}

/** Maps an offset in the re-indented text back to the original text. */
export function originalOffset(r: Reindented, offset: number): number {
  let shift = 0;
  for (const ins of r.inserts) {
    if (ins.at >= offset) break;
    if (offset < ins.at + ins.count) return ins.at - shift;
    shift += ins.count;
  }
  return offset - shift;
}

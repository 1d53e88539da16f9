/**
 * Cell labels as plain text. draw.io stores HTML when the style says `html=1` (`<b>web</b><br>app`,
 * `&nbsp;`), plain text with real newlines otherwise, and `%name%` placeholders that a wrapper
 * (`<UserObject>`/`<object>`) fills from its own attributes when `placeholders=1`.
 */

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", copy: '©', reg: '®', trade: '™', ndash: '–', mdash: '—',
  hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', bull: '•', middot: '·', times: '×', rarr: '→', larr: '←',
  harr: '↔', uarr: '↑', darr: '↓', laquo: '«', raquo: '»', deg: '°', plusmn: '±', euro: '€', shy: '',
};

/** Decodes HTML character references; unknown names are kept as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,10});/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    const named = Object.prototype.hasOwnProperty.call(NAMED_ENTITIES, ref.toLowerCase()) ? NAMED_ENTITIES[ref.toLowerCase()] : undefined;
    return named ?? whole;
  });
}

/** Tags around which a browser starts a new line (block elements open and close lines). */
const BREAKING_TAG = /<\s*\/?\s*(br|div|p|li|tr|h[1-6]|hr|ul|ol|table)\b[^>]*>/gi;

/** HTML label → plain text: tags stripped, line breaks kept, entities decoded, spaces tidied. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<\s*(script|style)\b[^>]*>[\s\S]*?<\s*\/\s*\1\s*>/gi, '')
    .replace(/\r?\n/g, ' ') // in HTML, source newlines are spaces
    .replace(BREAKING_TAG, '\n')
    .replace(/<[^>]*>/g, '');
  return tidy(decodeEntities(text));
}

/** Collapses runs of blanks, trims every line and drops empty lines (labels are short). */
export function tidy(text: string): string {
  return text.replace(/\u00a0/g, ' ').split(/\r?\n/).map((l) => l.replace(/[ \t\f\v]+/g, ' ').trim()).filter(Boolean).join('\n');
}

/** Replaces `%key%` with the wrapper attribute of that name (draw.io's placeholders=1). */
export function fillPlaceholders(text: string, attrs: ReadonlyMap<string, string>): string {
  return text.replace(/%([A-Za-z_][\w.-]{0,63})%/g, (whole, key: string) => attrs.get(key) ?? whole);
}

export interface LabelSource {
  value: string;
  html: boolean;
  placeholders: boolean;
  attrs?: ReadonlyMap<string, string> | undefined;
}

export function labelText(src: LabelSource): string {
  let v = src.value;
  if (src.placeholders && src.attrs) v = fillPlaceholders(v, src.attrs);
  return src.html ? htmlToText(v) : tidy(v);
}

/** One line for names in reports and diagnostics. */
export function oneLine(text: string, max = 60): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

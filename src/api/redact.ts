/**
 * Keeps API keys out of everything we print: error messages, `--verbose` request logs, `--json`
 * output and `--dry-run` dumps all pass through one Redactor. Besides the keys it was told about,
 * it masks any `Bearer …` credential, so a key that reaches a message some other way (a server
 * echoing the header back, a stack trace) is still hidden.
 */
export const REDACTED = '<redacted>';

const BEARER = /\b(Bearer)\s+[A-Za-z0-9+/=._~-]+/gi;

export class Redactor {
  private readonly secrets = new Set<string>();

  constructor(secrets: Iterable<string | undefined> = []) {
    for (const s of secrets) this.add(s);
  }

  /** Registers a secret; short strings are ignored because masking them would mangle ordinary text. */
  add(secret: string | undefined): void {
    if (!secret || secret.length < 8) return;
    this.secrets.add(secret);
    // The same key may appear URL-encoded (a query string) or JSON-escaped (a body).
    this.secrets.add(encodeURIComponent(secret));
    this.secrets.add(JSON.stringify(secret).slice(1, -1));
  }

  scrub(text: string): string {
    let out = text.replace(BEARER, `$1 ${REDACTED}`);
    // Longest first, so a secret containing another is replaced whole.
    for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join(REDACTED);
    return out;
  }

  /** Deep copy of a JSON-like value with every string scrubbed (for --json payloads and dumps). */
  scrubValue<T>(value: T): T {
    return JSON.parse(this.scrub(JSON.stringify(value) ?? 'null')) as T;
  }
}

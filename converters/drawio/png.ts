/**
 * `.drawio.png`: draw.io keeps the diagram in a PNG text chunk with the keyword `mxfile`
 * (tEXt, URI-encoded XML) or, in older exports, `mxGraphModel` (zTXt/iTXt, zlib-compressed).
 */
import { inflateSync } from 'node:zlib';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const KEYWORDS = new Set(['mxfile', 'mxGraphModel']);

export function isPng(bytes: Uint8Array | undefined): boolean {
  return !!bytes && bytes.length >= 8 && SIGNATURE.every((b, i) => bytes[i] === b);
}

export class PngError extends Error {}

interface TextChunk {
  keyword: string;
  /** Raw text bytes, or compressed bytes when `compressed`. */
  data: Uint8Array;
  compressed: boolean;
}

function* textChunks(bytes: Uint8Array): Generator<TextChunk> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const start = at + 8;
    const end = start + length;
    if (end + 4 > bytes.length) throw new PngError(`PNG chunk ${JSON.stringify(type)} runs past the end of the file`);
    const data = bytes.subarray(start, end);
    if (type === 'tEXt' || type === 'zTXt' || type === 'iTXt') {
      const nul = data.indexOf(0);
      if (nul > 0) {
        const keyword = Buffer.from(data.subarray(0, nul)).toString('latin1');
        if (type === 'tEXt') yield { keyword, data: data.subarray(nul + 1), compressed: false };
        else if (type === 'zTXt') yield { keyword, data: data.subarray(nul + 2), compressed: true };
        else {
          // iTXt: flag, method, language\0, translated keyword\0, text.
          const flag = data[nul + 1] === 1;
          let p = nul + 3;
          p = data.indexOf(0, p) + 1;
          p = p > 0 ? data.indexOf(0, p) + 1 : 0;
          if (p > 0) yield { keyword, data: data.subarray(p), compressed: flag };
        }
      }
    }
    if (type === 'IEND') return;
    at = end + 4;
  }
}

/** The diagram XML embedded in a PNG, or undefined when the PNG carries none. */
export function diagramFromPng(bytes: Uint8Array, maxBytes: number): string | undefined {
  for (const chunk of textChunks(bytes)) {
    if (!KEYWORDS.has(chunk.keyword)) continue;
    let raw: Buffer;
    if (chunk.compressed) {
      try {
        raw = inflateSync(chunk.data, { maxOutputLength: maxBytes });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        throw new PngError(code === 'ERR_BUFFER_TOO_LARGE'
          ? `the diagram in the PNG inflates to more than ${Math.round(maxBytes / 1048576)} MB (raise --max-inflate-mb if it is genuine)`
          : 'the compressed diagram in the PNG is corrupt');
      }
    } else {
      raw = Buffer.from(chunk.data);
    }
    const text = raw.toString(chunk.keyword === 'mxfile' && !chunk.compressed ? 'latin1' : 'utf8').trim();
    if (text.startsWith('<')) return text;
    try {
      return decodeURIComponent(text);
    } catch {
      throw new PngError('the diagram text in the PNG is not valid URI-encoded XML');
    }
  }
  return undefined;
}

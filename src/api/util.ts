/** Small helpers shared by the endpoint groups. */
import { CloudcraftApiError, CloudcraftInputError } from './errors.js';
import type { ApiResponse } from './transport.js';
import type { Exported } from './types.js';

/** An id or region as one path segment; refuses empty strings and anything that would change the path. */
export function segment(value: string, what = 'id'): string {
  if (!value || value === '.' || value === '..' || /[/\\?#\s]/.test(value)) {
    throw new CloudcraftInputError(`${what} ${JSON.stringify(value)} is not valid`);
  }
  return encodeURIComponent(value);
}

export function decodeJson<T>(res: ApiResponse, where: string): T {
  try {
    return JSON.parse(res.body.toString('utf8')) as T;
  } catch {
    throw new CloudcraftApiError(`${where}: the response is not JSON (status ${res.status}, ${res.body.length} bytes)`, res.status, where.split(' ')[0]!, where.split(' ')[1] ?? '');
  }
}

export function exported(res: ApiResponse): Exported {
  return { contentType: res.headers['content-type'] ?? 'application/octet-stream', body: res.body };
}

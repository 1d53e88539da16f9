/**
 * Typed failures of the Cloudcraft client. Every message is already scrubbed of credentials by the
 * transport before an error is built, so callers may print `error.message` as it is.
 */

/** Bad client configuration: missing key, plain http to a remote host, unreadable CA file… */
export class CloudcraftConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CloudcraftConfigError';
  }
}

/** Refused locally before anything was sent (an invalid ACL entry, a malformed id). */
export class CloudcraftInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CloudcraftInputError';
  }
}

/** The API answered with a status we do not treat as success. */
export class CloudcraftApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly method: string,
    readonly path: string,
    /** The body's `reason` (`not_found`, `insufficient_privileges`, …) when the server sent one. */
    readonly reason?: string,
    /** Number of attempts made (retries included). */
    readonly attempts: number = 1,
  ) {
    super(message);
    this.name = 'CloudcraftApiError';
  }
}

/** The request failed below HTTP: connection refused or reset, TLS, timeouts. */
export class CloudcraftNetworkError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly method: string,
    readonly path: string,
    /**
     * True when the server may have acted on the request although we saw no complete answer
     * (reset after sending, headers timeout, body cut off). A POST that failed this way must be
     * looked up before it is sent again.
     */
    readonly ambiguous: boolean,
    readonly attempts: number = 1,
  ) {
    super(message);
    this.name = 'CloudcraftNetworkError';
  }
}

/** 412: the blueprint changed since the ETag we hold (someone edited it in Cloudcraft). */
export class RemoteChangedError extends Error {
  constructor(message: string, readonly id: string, readonly expectedEtag?: string, readonly remoteEtag?: string) {
    super(message);
    this.name = 'RemoteChangedError';
  }
}

/** A snapshot still processing (202) when the caller's deadline ran out. */
export class SnapshotTimeoutError extends Error {
  constructor(message: string, readonly polls: number) {
    super(message);
    this.name = 'SnapshotTimeoutError';
  }
}

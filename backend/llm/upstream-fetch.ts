import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';

/**
 * The `fetch` the OpenAI SDK is given for calls to the LLM server: node:http on keep-alive
 * agents, for the one kind of request the backend sends (a JSON string body, a JSON or SSE
 * answer). Node's global fetch (undici) costs ~1 ms of latency per call here: it sends every
 * body through a web stream read by an async iterator, so the request leaves a macrotask later
 * — after the rules work the classifier defers to a setImmediate — and reads the answer back
 * through web streams again. Here the request is written at once (headers and body in one
 * write), a JSON answer is read as plain Buffers and handed over whole, and only an SSE answer
 * is a web stream (the SDK parses it as it arrives).
 *
 * What fetch does that still holds: the signal aborts the request at any point (before it is
 * sent, while waiting for the answer, while an SSE body is read) with the signal's reason, so
 * the SDK's timeout and the caller's abort keep their meaning; a failure to connect or a
 * connection cut mid-answer rejects with TypeError('fetch failed', { cause }) as undici does
 * (the SDK reads the cause's code). Anything else — another body type, a redirect to follow —
 * is passed to the global fetch unchanged.
 */

/** Sockets kept open between calls, closed before the server would (uvicorn, vLLM's server, closes them at 5 s). */
export const UPSTREAM_KEEP_ALIVE_MS = 4_000;

export interface UpstreamFetch {
  fetch: typeof globalThis.fetch;
  /**
   * One POST of a JSON string body whose answer is read whole, without the Request/Response/
   * Headers objects a fetch builds (about 0.1 ms of CPU per call): what a non-streaming LLM call
   * needs. Aborts and connection failures behave as in `fetch`; a redirect is not followed (the
   * caller sees its status).
   */
  post(url: URL, body: string, headers: Record<string, string>, signal?: AbortSignal): Promise<UpstreamReply>;
  /** Closes the kept-alive sockets (a server shutting down; they never hold the process open). */
  close(): void;
}

/** An answer read whole: its status, its raw header list (name, value, name, value…) and its body. */
export interface UpstreamReply {
  status: number;
  rawHeaders: string[];
  body: Buffer;
}

/** Statuses whose response has no body, whatever the server sends (the Response constructor refuses one). */
const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304]);
const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

const fetchFailed = (cause: unknown) => new TypeError('fetch failed', { cause });

function headerRecord(headers: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  const entries = headers instanceof Headers || Array.isArray(headers) ? headers : Object.entries(headers);
  for (const [name, value] of entries as Iterable<[string, string]>) out[name.toLowerCase()] = value;
  return out;
}

/** The Headers of a raw header list (IncomingMessage.rawHeaders, UpstreamReply.rawHeaders). */
export function headersOf(raw: readonly string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers;
}

/** How an exchange ends: once, by `resolve`, `handOver` or `fail`; later calls are ignored. */
interface Settle<T> {
  /** The answer is complete: resolves and stops listening to the signal. */
  resolve(value: T | PromiseLike<T>): void;
  /** The answer is a stream still being read: resolves, and keeps aborting it on the signal until `release`. */
  handOver(value: T): void;
  fail(err: unknown): void;
  release(): void;
}

/**
 * One request on a kept-alive socket, written at once (headers and body in one write); `onResponse`
 * decides what the answer becomes. The signal aborts it at any point with its reason; a failure to
 * connect or a connection cut rejects with TypeError('fetch failed', { cause }) as undici does.
 */
function exchange<T>(
  url: URL,
  agent: http.Agent,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  signal: AbortSignal | undefined,
  onResponse: (incoming: http.IncomingMessage, settle: Settle<T>) => void,
): Promise<T> {
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    if (body != null) headers['content-length'] = String(Buffer.byteLength(body));
    const transport = url.protocol === 'https:' ? https : http;
    const req = transport.request(url, { method, headers, agent });
    // Only the call's own bounds (the SDK's timeout, the caller's signal) limit it; the agent's idle timeout is for free sockets.
    req.once('socket', (socket) => socket.setTimeout(0));
    let res: http.IncomingMessage | undefined;
    let settled = false;
    const release = () => signal?.removeEventListener('abort', onAbort);
    const once = (end: () => void) => {
      if (settled) return;
      settled = true;
      end();
    };
    const settle: Settle<T> = {
      release,
      resolve: (value) => (release(), once(() => resolve(value))),
      handOver: (value) => once(() => resolve(value)),
      fail: (err) => (release(), once(() => reject(err))),
    };
    function onAbort() {
      const reason = abortReason(signal!);
      // A streamed body errors with the reason; a request still waiting for its answer rejects with it.
      req.destroy(reason instanceof Error ? reason : new Error(String(reason)));
      res?.destroy(reason instanceof Error ? reason : undefined);
      settle.fail(reason);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    req.on('error', (err) => settle.fail(signal?.aborted ? abortReason(signal) : fetchFailed(err)));
    req.on('response', (incoming) => {
      res = incoming;
      onResponse(incoming, settle);
    });
    req.end(body ?? undefined);
  });
}

/** Reads an answer whole, then `finish` turns it into the result. */
function readWhole<T>(incoming: http.IncomingMessage, settle: Settle<T>, signal: AbortSignal | undefined, finish: (body: Buffer<ArrayBuffer>) => T) {
  const chunks: Buffer[] = [];
  incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
  incoming.once('error', (err) => settle.fail(signal?.aborted ? abortReason(signal) : fetchFailed(err)));
  incoming.once('end', () => settle.resolve(finish(Buffer.concat(chunks))));
  // A connection cut before the end, whichever event Node reports it with.
  incoming.once('close', () => settle.fail(fetchFailed(new Error('the connection closed before the answer was complete'))));
}

export function createUpstreamFetch(options: { keepAliveMs?: number } = {}): UpstreamFetch {
  const keepAlive = { keepAlive: true, timeout: options.keepAliveMs ?? UPSTREAM_KEEP_ALIVE_MS };
  const agents = { 'http:': new http.Agent(keepAlive), 'https:': new https.Agent(keepAlive) };
  const agentFor = (url: URL | undefined) => (url && (url.protocol === 'http:' || url.protocol === 'https:') ? agents[url.protocol] : undefined);

  function upstreamFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
    const url = typeof input === 'string' ? new URL(input) : input instanceof URL ? input : undefined;
    const body = init.body;
    const agent = agentFor(url);
    if (!url || !agent || (body != null && typeof body !== 'string')) return globalThis.fetch(input, init);
    const signal = init.signal ?? undefined;
    return exchange<Response>(url, agent, init.method ?? 'GET', headerRecord(init.headers), body ?? undefined, signal, (incoming, settle) => {
      const status = incoming.statusCode ?? 0;
      if (REDIRECT_STATUS.has(status) && incoming.headers.location) {
        incoming.resume();
        settle.resolve(globalThis.fetch(input, init));
        return;
      }
      const init_ = { status, statusText: incoming.statusMessage ?? '', headers: headersOf(incoming.rawHeaders) };
      if (/^text\/event-stream/i.test(incoming.headers['content-type'] ?? '')) {
        // Streamed as it arrives; an abort or a cut connection errors the stream the SDK reads.
        incoming.once('close', settle.release);
        settle.handOver(new Response(Readable.toWeb(incoming) as ReadableStream<Uint8Array>, init_));
        return;
      }
      readWhole(incoming, settle, signal, (buffer) => new Response(NULL_BODY_STATUS.has(status) ? null : buffer, init_));
    });
  }

  function post(url: URL, body: string, headers: Record<string, string>, signal?: AbortSignal): Promise<UpstreamReply> {
    const agent = agentFor(url);
    if (!agent) return Promise.reject(fetchFailed(new Error(`not an http(s) URL: ${url.protocol}`)));
    return exchange<UpstreamReply>(url, agent, 'POST', { ...headers }, body, signal, (incoming, settle) =>
      readWhole(incoming, settle, signal, (buffer) => ({ status: incoming.statusCode ?? 0, rawHeaders: incoming.rawHeaders, body: buffer })),
    );
  }

  return {
    fetch: upstreamFetch as typeof globalThis.fetch,
    post,
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}

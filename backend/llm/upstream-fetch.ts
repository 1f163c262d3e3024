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
  /** Closes the kept-alive sockets (a server shutting down; they never hold the process open). */
  close(): void;
}

/** Statuses whose response has no body, whatever the server sends (the Response constructor refuses one). */
const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304]);
const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

function headerRecord(headers: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  const entries = headers instanceof Headers || Array.isArray(headers) ? headers : Object.entries(headers);
  for (const [name, value] of entries as Iterable<[string, string]>) out[name.toLowerCase()] = value;
  return out;
}

function responseHeaders(res: http.IncomingMessage): Headers {
  const headers = new Headers();
  const raw = res.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers;
}

export function createUpstreamFetch(options: { keepAliveMs?: number } = {}): UpstreamFetch {
  const keepAlive = { keepAlive: true, timeout: options.keepAliveMs ?? UPSTREAM_KEEP_ALIVE_MS };
  const agents = { 'http:': new http.Agent(keepAlive), 'https:': new https.Agent(keepAlive) };

  function upstreamFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
    const url = typeof input === 'string' ? new URL(input) : input instanceof URL ? input : undefined;
    const body = init.body;
    const agent = url && (url.protocol === 'http:' || url.protocol === 'https:') ? agents[url.protocol] : undefined;
    if (!url || !agent || (body != null && typeof body !== 'string')) return globalThis.fetch(input, init);
    const signal = init.signal ?? undefined;
    if (signal?.aborted) return Promise.reject(abortReason(signal));

    return new Promise<Response>((resolve, reject) => {
      const headers = headerRecord(init.headers);
      if (body != null) headers['content-length'] = String(Buffer.byteLength(body));
      const transport = url.protocol === 'https:' ? https : http;
      const req = transport.request(url, { method: init.method ?? 'GET', headers, agent });
      // Only the call's own bounds (the SDK's timeout, the caller's signal) limit it; the agent's idle timeout is for free sockets.
      req.once('socket', (socket) => socket.setTimeout(0));
      let settled = false;
      let res: http.IncomingMessage | undefined;
      const done = () => signal?.removeEventListener('abort', onAbort);
      const fail = (err: unknown) => {
        done();
        if (settled) return;
        settled = true;
        reject(err);
      };
      function onAbort() {
        const reason = abortReason(signal!);
        // A streamed body errors with the reason; a request still waiting for its answer rejects with it.
        req.destroy(reason instanceof Error ? reason : new Error(String(reason)));
        res?.destroy(reason instanceof Error ? reason : undefined);
        fail(reason);
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      req.on('error', (err) => fail(signal?.aborted ? abortReason(signal) : new TypeError('fetch failed', { cause: err })));
      req.on('response', (incoming) => {
        res = incoming;
        const status = incoming.statusCode ?? 0;
        if (REDIRECT_STATUS.has(status) && incoming.headers.location) {
          incoming.resume();
          done();
          settled = true;
          resolve(globalThis.fetch(input, init));
          return;
        }
        const init_ = { status, statusText: incoming.statusMessage ?? '', headers: responseHeaders(incoming) };
        if (/^text\/event-stream/i.test(incoming.headers['content-type'] ?? '')) {
          // Streamed as it arrives; an abort or a cut connection errors the stream the SDK reads.
          incoming.once('close', done);
          settled = true;
          resolve(new Response(Readable.toWeb(incoming) as ReadableStream<Uint8Array>, init_));
          return;
        }
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.once('error', (err) => fail(signal?.aborted ? abortReason(signal) : new TypeError('fetch failed', { cause: err })));
        incoming.once('end', () => {
          done();
          if (settled) return;
          settled = true;
          resolve(new Response(NULL_BODY_STATUS.has(status) ? null : Buffer.concat(chunks), init_));
        });
        // A connection cut before the end, whichever event Node reports it with.
        incoming.once('close', () => fail(new TypeError('fetch failed', { cause: new Error('the connection closed before the answer was complete') })));
      });
      req.end(body ?? undefined);
    });
  }

  return {
    fetch: upstreamFetch as typeof globalThis.fetch,
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}

import { createServer, type ClientRequest, type Server } from 'node:http';
import diagnostics from 'node:diagnostics_channel';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MQL_ANSWER } from '../testing/fixtures';
import { startFakeVllm, type FakeVllm } from '../testing/fake-vllm';
import { startHungUpstream } from '../testing/hung-upstream';
import { classifyLlmError } from './structured-chat';
import { createUpstreamFetch, headersOf } from './upstream-fetch';

let fake: FakeVllm;
const upstream = createUpstreamFetch();
const chatBody = (extra: object = {}) =>
  JSON.stringify({ model: 'openai/gpt-oss-20b', messages: [{ role: 'user', content: 'Classify this lead.' }], max_tokens: 900, ...extra });
const post = (body: string, init: RequestInit = {}) =>
  upstream.fetch(`${fake.baseUrl}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, ...init });
const sdk = (timeout = 5_000) => new OpenAI({ baseURL: fake.baseUrl, apiKey: 'EMPTY', timeout, maxRetries: 0, fetch: upstream.fetch });

/** A server of the test's own: `handle` answers, `connections` counts the sockets it accepted. */
async function listen(handle: Parameters<typeof createServer>[1]): Promise<{ url: string; connections: () => number; server: Server }> {
  let connections = 0;
  const server = createServer(handle).on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, connections: () => connections, server };
}
const stop = (server: Server) => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve())));

/** A server that starts a 100-byte answer and cuts the connection after 11 bytes. */
const listenCutting = () =>
  listen((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
    res.write('{"choices":');
    setImmediate(() => res.destroy());
  });

/** `call` to a server that never answers, aborted once the request is there: it rejects with the signal's reason and the server sees the client go. */
async function expectAbortWhileWaiting(call: (baseUrl: string, signal: AbortSignal) => Promise<unknown>) {
  const hung = await startHungUpstream();
  try {
    const controller = new AbortController();
    const pending = call(hung.baseUrl, controller.signal);
    await hung.untilOpen(1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await hung.untilOpen(0);
  } finally {
    await hung.close();
  }
}

beforeAll(async () => {
  fake = await startFakeVllm({ answer: MQL_ANSWER });
});
afterAll(async () => {
  upstream.close();
  await fake.close();
});
afterEach(() => fake.reset());

describe('the upstream fetch', () => {
  it("answers as the global fetch does: status, headers and body, for an answer and for vLLM's errors", async () => {
    const body = chatBody();
    for (const mode of ['ok', '503', '400'] as const) {
      fake.setMode(mode);
      const ours = await post(body);
      const theirs = await fetch(`${fake.baseUrl}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect({ status: ours.status, ok: ours.ok, type: ours.headers.get('content-type'), retryAfter: ours.headers.get('retry-after') }).toEqual({
        status: theirs.status,
        ok: theirs.ok,
        type: theirs.headers.get('content-type'),
        retryAfter: theirs.headers.get('retry-after'),
      });
      const [a, b] = [(await ours.json()) as { id?: string; error?: unknown }, (await theirs.json()) as { id?: string; error?: unknown }];
      expect({ ...a, id: undefined, created: undefined }).toEqual({ ...b, id: undefined, created: undefined });
    }
    // What the fake received from each is the same request.
    const [viaUs, viaFetch] = fake.chatRequests;
    expect(viaUs!.body).toEqual(viaFetch!.body);
    expect(viaUs!.headers['content-type']).toBe('application/json');
  });

  it('keeps the connection for the next call', async () => {
    const target = await listen((req, res) => req.resume().on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')));
    try {
      for (let i = 0; i < 3; i++) expect(await (await upstream.fetch(`${target.url}/v1/chat/completions`, { method: 'POST', body: '{}' })).json()).toEqual({ ok: true });
      expect(target.connections()).toBe(1);
    } finally {
      await stop(target.server);
    }
  });

  it('writes the request in the turn it is called: work deferred to a setImmediate runs after the request left', async () => {
    const started: ClientRequest[] = [];
    const onStart = ({ request }: { request: ClientRequest }) => started.push(request);
    diagnostics.subscribe('http.client.request.start', onStart as (m: unknown) => void);
    try {
      await (await post(chatBody())).json(); // a kept-alive connection to write on
      const answer = post(chatBody());
      const finishedBeforeImmediate = await new Promise<boolean>((resolve) => setImmediate(() => resolve(started.at(-1)!.writableFinished)));
      expect(finishedBeforeImmediate).toBe(true);
      await (await answer).json();
    } finally {
      diagnostics.unsubscribe('http.client.request.start', onStart as (m: unknown) => void);
    }
  });

  it('hands an SSE answer over as it arrives', async () => {
    const release = fake.holdContentAfter(3);
    try {
      const res = await post(chatBody({ stream: true }));
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      // The first content tokens arrive while the rest of the answer is provably still held back.
      while (!/"content":"[^"]/.test(text)) text += decoder.decode((await reader.read()).value, { stream: true });
      expect(fake.chatRequests[0]!.finishedAt).toBeUndefined();
      release();
      for (let r = await reader.read(); !r.done; r = await reader.read()) text += decoder.decode(r.value, { stream: true });
      expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
    } finally {
      release();
    }
  });

  describe('the signal', () => {
    it('aborted before the call: rejects with its reason and sends nothing', async () => {
      const controller = new AbortController();
      controller.abort();
      await expect(post(chatBody(), { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
      expect(fake.chatRequests).toHaveLength(0);
    });

    it('aborted while the answer is awaited: rejects with its reason, and the upstream sees the client go', async () => {
      await expectAbortWhileWaiting((baseUrl, signal) => upstream.fetch(`${baseUrl}/chat/completions`, { method: 'POST', body: chatBody(), signal }));
    });

    it('aborted while an SSE answer is read: the stream fails with its reason and the upstream request is cancelled', async () => {
      const release = fake.holdContentAfter(1);
      try {
        const controller = new AbortController();
        const res = await post(chatBody({ stream: true }), { signal: controller.signal });
        const reader = res.body!.getReader();
        await reader.read();
        controller.abort();
        await expect(
          (async () => {
            for (let r = await reader.read(); !r.done; r = await reader.read());
          })(),
        ).rejects.toMatchObject({ name: 'AbortError' });
        await expect.poll(() => fake.chatRequests[0]!.cancelled).toBe(true);
      } finally {
        release();
      }
    });
  });

  describe('failures, as the SDK and the classifier see them', () => {
    it('connection refused → TypeError("fetch failed") with the cause code, like undici → reason connection', async () => {
      const closed = await listen(() => {});
      await stop(closed.server);
      const err = await upstream.fetch(`${closed.url}/v1/chat/completions`, { method: 'POST', body: '{}' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TypeError);
      expect((err as TypeError).message).toBe('fetch failed');
      expect(((err as TypeError).cause as { code?: string }).code).toBe('ECONNREFUSED');
      const failure = async (f: typeof fetch) =>
        classifyLlmError(await new OpenAI({ baseURL: `${closed.url}/v1`, apiKey: 'EMPTY', maxRetries: 0, fetch: f }).models.list().catch((e: unknown) => e));
      const [ours, theirs] = [await failure(upstream.fetch), await failure(fetch)];
      expect(ours.reason).toBe('connection');
      expect(ours.message).toBe(theirs.message);
    });

    it('a connection cut in the middle of the answer → fetch failed', async () => {
      const cut = await listenCutting();
      try {
        await expect(upstream.fetch(`${cut.url}/v1/chat/completions`, { method: 'POST', body: '{}' })).rejects.toMatchObject({ message: 'fetch failed' });
      } finally {
        await stop(cut.server);
      }
    });

    it("the SDK's timeout still cuts a call that does not answer → reason timeout; the caller's abort → APIUserAbortError", async () => {
      fake.setMode('slow', { delayMs: 5_000 });
      const timedOut = await sdk(200)
        .chat.completions.create({ model: fake.model, messages: [{ role: 'user', content: 'x' }] })
        .catch((e: unknown) => e);
      expect(timedOut).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
      expect(classifyLlmError(timedOut).reason).toBe('timeout');
      await expect.poll(() => fake.chatRequests[0]!.cancelled).toBe(true);

      const controller = new AbortController();
      const call = sdk().chat.completions.create({ model: fake.model, messages: [{ role: 'user', content: 'x' }] }, { signal: controller.signal });
      await expect.poll(() => fake.chatRequests.length).toBe(2);
      controller.abort();
      await expect(call).rejects.toBeInstanceOf(OpenAI.APIUserAbortError);
      await expect.poll(() => fake.chatRequests[1]!.cancelled).toBe(true);
    });

    it('429, 500, 503 with Retry-After and a malformed answer reach the classifier with their status and Retry-After', async () => {
      const reasons: Record<string, unknown> = {};
      for (const mode of ['429', '500', '503'] as const) {
        fake.setMode(mode);
        const err = await sdk()
          .chat.completions.create({ model: fake.model, messages: [{ role: 'user', content: 'x' }] })
          .catch((e: unknown) => e);
        const failure = classifyLlmError(err);
        reasons[mode] = { reason: failure.reason, status: failure.status, retryAfterMs: failure.retryAfterMs };
      }
      expect(reasons).toEqual({
        429: { reason: 'rate_limited', status: 429, retryAfterMs: undefined },
        500: { reason: 'server_error', status: 500, retryAfterMs: undefined },
        503: { reason: 'overloaded', status: 503, retryAfterMs: 5_000 },
      });
      fake.setMode('malformed');
      const completion = await sdk().chat.completions.create({ model: fake.model, messages: [{ role: 'user', content: 'x' }] });
      expect(() => JSON.parse(completion.choices[0]!.message.content!)).toThrow();
    });
  });

  describe('post: an answer read whole, for non-streaming calls', () => {
    const postWhole = (url: string, signal?: AbortSignal) => upstream.post(new URL(url), chatBody(), { 'content-type': 'application/json' }, signal);

    it('reads what fetch reads: status, headers and body, for an answer and for an error; on the same kept-alive sockets', async () => {
      for (const mode of ['ok', '503'] as const) {
        fake.setMode(mode);
        const ours = await postWhole(`${fake.baseUrl}/chat/completions`);
        const theirs = await post(chatBody());
        expect(ours.status).toBe(theirs.status);
        expect(headersOf(ours.rawHeaders).get('retry-after')).toBe(theirs.headers.get('retry-after'));
        const [a, b] = [JSON.parse(ours.body.toString()) as object, (await theirs.json()) as object];
        expect({ ...a, id: undefined, created: undefined }).toEqual({ ...b, id: undefined, created: undefined });
      }
      expect(fake.chatRequests[0]!.body).toEqual(fake.chatRequests[1]!.body);
      const target = await listen((req, res) => req.resume().on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')));
      try {
        for (let i = 0; i < 3; i++) expect(JSON.parse((await postWhole(target.url)).body.toString())).toEqual({ ok: true });
        expect(target.connections()).toBe(1);
      } finally {
        await stop(target.server);
      }
    });

    it("the signal: aborted before the call sends nothing; aborted while waiting rejects with its reason and the upstream sees the client go", async () => {
      const controller = new AbortController();
      controller.abort();
      await expect(postWhole(`${fake.baseUrl}/chat/completions`, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
      expect(fake.chatRequests).toHaveLength(0);
      await expectAbortWhileWaiting((baseUrl, signal) => postWhole(`${baseUrl}/chat/completions`, signal));
    });

    it('connection refused and a connection cut mid-answer → TypeError("fetch failed"), as from fetch', async () => {
      const closed = await listen(() => {});
      await stop(closed.server);
      const refused = await postWhole(closed.url).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(TypeError);
      expect(((refused as TypeError).cause as { code?: string }).code).toBe('ECONNREFUSED');
      expect(classifyLlmError(refused).reason).toBe('connection');
      const cut = await listenCutting();
      try {
        await expect(postWhole(cut.url)).rejects.toMatchObject({ message: 'fetch failed' });
      } finally {
        await stop(cut.server);
      }
    });
  });

  it('follows a redirect as the global fetch does (it is handed to it)', async () => {
    const moved = await listen((req, res) => req.resume().on('end', () => res.writeHead(307, { location: `${fake.baseUrl}/chat/completions` }).end()));
    try {
      const res = await upstream.fetch(`${moved.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chatBody() });
      expect(res.status).toBe(200);
      expect(fake.chatRequests).toHaveLength(1);
    } finally {
      await stop(moved.server);
    }
  });
});

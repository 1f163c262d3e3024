import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An OpenAI-compatible upstream that accepts every chat completion and never answers: the
 * failure that deadlines and cancellation exist for. It counts the calls it received and the
 * ones still open, so a test can wait until the backend has let go of them.
 */
export interface HungUpstream {
  /** OpenAI-compatible base URL (`…/v1`). */
  baseUrl: string;
  /** Chat completion calls received. */
  calls(): number;
  /** Calls whose connection the backend has not closed yet. */
  open(): number;
  /** Resolves once `open()` is `n` (the backend let go of the others). */
  untilOpen(n: number): Promise<void>;
  close(): Promise<void>;
}

export async function startHungUpstream(): Promise<HungUpstream> {
  let calls = 0;
  let open = 0;
  const waiters: { n: number; resolve: () => void }[] = [];
  const settle = () => {
    for (const w of [...waiters]) if (open === w.n) waiters.splice(waiters.indexOf(w), 1) && w.resolve();
  };
  const server = createServer((req, res) => {
    if (!req.url?.endsWith('/chat/completions')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"object":"list","data":[]}');
      return;
    }
    calls++;
    open++;
    req.resume();
    res.once('close', () => {
      open--;
      settle();
    });
    settle();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    calls: () => calls,
    open: () => open,
    untilOpen: (n) =>
      new Promise<void>((resolve) => {
        if (open === n) resolve();
        else waiters.push({ n, resolve });
      }),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildServer } from './server';
import { testConfig } from './testing/helpers';

// Issue 9 D2: a client that declares a body and never sends it must not hold a socket.

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

async function listening(env: Record<string, string>) {
  const app = await buildServer(testConfig(env));
  apps.push(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as AddressInfo).port;
}

/** Opens a socket, writes `text`, and resolves with what the server wrote once it closes the socket. */
function heldSocket(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let received = '';
    socket.on('data', (d) => (received += d.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => resolve(received));
  });
}

describe('time-outs', () => {
  it('a declared body that never comes: the server answers 408 and closes the socket', async () => {
    const port = await listening({ PULSO_REQUEST_TIMEOUT_MS: '200' });
    const head = ['POST /v1/leads/classify HTTP/1.1', `Host: 127.0.0.1:${port}`, 'Content-Type: application/json', 'Content-Length: 1000'];
    const answer = await heldSocket(port, `${head.join('\r\n')}\r\n\r\n{"lead":`);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('headers that never end: the socket is closed', async () => {
    const port = await listening({ PULSO_REQUEST_TIMEOUT_MS: '200', PULSO_HEADERS_TIMEOUT_MS: '200' });
    const answer = await heldSocket(port, `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Slow: `);
    expect(answer).toMatch(/^$|^HTTP\/1\.1 408/);
  });

  it('an idle keep-alive connection is closed after the keep-alive time-out', async () => {
    const port = await listening({ PULSO_KEEP_ALIVE_TIMEOUT_MS: '100' });
    const answer = await heldSocket(port, `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
  });

  it('the configured values reach the HTTP server', async () => {
    const app = await buildServer(testConfig({ PULSO_REQUEST_TIMEOUT_MS: '15000', PULSO_HEADERS_TIMEOUT_MS: '10000', PULSO_KEEP_ALIVE_TIMEOUT_MS: '65000' }));
    apps.push(app);
    expect(app.server.requestTimeout).toBe(15_000);
    expect(app.server.headersTimeout).toBe(10_000);
    expect(app.server.keepAliveTimeout).toBe(65_000);
    const defaults = await buildServer(testConfig());
    apps.push(defaults);
    expect(defaults.server.requestTimeout).toBeGreaterThan(0);
    expect(defaults.server.requestTimeout).toBeLessThanOrEqual(30_000);
  });
});

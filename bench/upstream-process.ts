import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * The fake vLLM as a process of its own, as any real upstream is: its CPU work (reading the
 * prompt, generating) runs beside the backend, not on the backend's event loop, where it would
 * be counted on the proxied path twice over (the backend waiting for it, then the fake waiting
 * for the backend).
 */
export interface UpstreamProcess {
  baseUrl: string;
  model: string;
  close(): Promise<void>;
}

const FAKE = fileURLToPath(new URL('../backend/testing/fake-vllm.ts', import.meta.url));

/** `tsx backend/testing/fake-vllm.ts --port 0 …args`; resolves once it says where it listens. */
export function startFakeVllmProcess(args: string[] = []): Promise<UpstreamProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', FAKE, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c));
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (c: Buffer) => {
      out += c;
      const m = /listening on (\S+) \(model (\S+),/.exec(out);
      if (!m) return;
      child.stdout!.off('data', onData).on('data', () => {});
      resolve({
        baseUrl: m[1]!,
        model: m[2]!,
        close: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the fake vLLM exited ${code}: ${stderr.slice(-500)}`)));
  });
}

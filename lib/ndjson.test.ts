import { describe, expect, it } from 'vitest';
import { readNdjson } from './ndjson';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function collect(chunks: string[]) {
  const out: unknown[] = [];
  for await (const item of readNdjson(streamOf(chunks))) out.push(item);
  return out;
}

describe('readNdjson', () => {
  it('yields lines split anywhere across chunks, including inside multi-byte characters', async () => {
    const text = '{"a":"María"}\n{"b":2}\n\n{"c":[1,2]}';
    const bytes = new TextEncoder().encode(text);
    for (let cut = 1; cut < bytes.length; cut++) {
      const parts = [bytes.slice(0, cut), bytes.slice(cut)];
      const stream = new ReadableStream<Uint8Array>({ start: (c) => (parts.forEach((p) => c.enqueue(p)), c.close()) });
      const out: unknown[] = [];
      for await (const item of readNdjson(stream)) out.push(item);
      expect(out).toEqual([{ a: 'María' }, { b: 2 }, { c: [1, 2] }]);
    }
  });

  it('throws on a malformed line', async () => {
    await expect(collect(['{"a":1}\n{oops\n'])).rejects.toThrow();
  });
});

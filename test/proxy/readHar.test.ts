import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHar } from '../../src/proxy/readHar.ts';
import { tempDir } from '../helpers/cli.ts';

async function harWith(bodySize: number | undefined, text: string): Promise<string> {
  const request = {
    method: 'PUT',
    url: 'https://dc.example.com/v3/p/dcaas/hosted-connects/x',
    headers: [],
    postData: { mimeType: 'application/json', text },
    ...(bodySize === undefined ? {} : { bodySize }),
  };
  const entry = { request, response: { status: 200, headers: [], content: { text: '{}' } }, time: 1 };
  const file = join(await tempDir(), 'x.har');
  await writeFile(file, JSON.stringify({ log: { entries: [entry] } }));
  return file;
}

describe('readHar: request bodies', () => {
  it('a body is whole unless the entry says more bytes were sent than its text holds', async () => {
    const text = '{"hosted_connect":{"name":"é"}}';
    for (const size of [undefined, -1, 0, Buffer.byteLength(text)]) {
      const [traffic] = await readHar(await harWith(size, text), 1024);
      expect(traffic!.requestBody, String(size)).toBe(text);
      expect(traffic!.requestBodyCut, String(size)).toBeUndefined();
    }
    const [cut] = await readHar(await harWith(Buffer.byteLength(text) + 1, text), 1024);
    expect(cut!.requestBodyCut).toBe(true);
  });
});

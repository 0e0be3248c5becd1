import { afterEach, describe, expect, it } from 'vitest';
import { encodeBody } from '../../src/runner/encodeBody.ts';
import { planToSent } from '../../src/runner/planToSent.ts';
import { closeAll, httpServer, testCase, trackedRunner, runnerOptions } from './helpers.ts';

afterEach(closeAll);

describe('encodeBody: a body as its media type says', () => {
  it('JSON without a media type, for application/json and +json types, and for a wildcard', () => {
    expect(encodeBody({ a: 1 }, undefined)).toEqual({ text: '{"a":1}', contentType: 'application/json' });
    expect(encodeBody({ a: 1 }, 'application/vnd.api+json')).toEqual({ text: '{"a":1}', contentType: 'application/vnd.api+json' });
    expect(encodeBody({ a: 1 }, '*/*')).toEqual({ text: '{"a":1}', contentType: 'application/json' });
  });

  it('application/x-www-form-urlencoded: name=value pairs, an array repeats its name, an object member as JSON', () => {
    expect(encodeBody({ name: 'a b', n: 3, tags: ['x', 'y'], meta: { k: 1 }, none: null }, 'application/x-www-form-urlencoded')).toEqual({
      text: 'name=a+b&n=3&tags=x&tags=y&meta=%7B%22k%22%3A1%7D&none=',
      contentType: 'application/x-www-form-urlencoded',
    });
  });

  it('multipart/form-data: one part per member, a boundary derived from the content', () => {
    const encoded = encodeBody({ name: 'Rex', meta: { k: 1 } }, 'multipart/form-data');
    const boundary = /^multipart\/form-data; boundary=(conformance-[0-9a-f]{24})$/.exec(encoded.contentType)?.[1];
    expect(boundary).toBeDefined();
    expect(encoded.text).toBe(
      `--${boundary}\r\nContent-Disposition: form-data; name="name"\r\nContent-Type: text/plain\r\n\r\nRex\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="meta"\r\nContent-Type: application/json\r\n\r\n{"k":1}\r\n--${boundary}--\r\n`,
    );
    expect(encodeBody({ name: 'Rex', meta: { k: 1 } }, 'multipart/form-data')).toEqual(encoded);
  });

  it('text: the text itself', () => {
    expect(encodeBody('hello', 'text/plain')).toEqual({ text: 'hello', contentType: 'text/plain' });
    expect(encodeBody(42, 'text/plain; charset=utf-8')).toEqual({ text: '42', contentType: 'text/plain; charset=utf-8' });
  });
});

describe('the runner sends a body in its planned media type', () => {
  it('a form body goes as a form, with its Content-Type, over loopback', async () => {
    const server = await httpServer((_req, res) => res.writeHead(204).end());
    await trackedRunner().send(testCase({ method: 'POST', body: { json: { client_id: 'abc', scope: 2 } }, mediaType: 'application/x-www-form-urlencoded' }), server.url, []);
    expect(server.received[0]).toMatchObject({ body: 'client_id=abc&scope=2', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  });

  it('a JSON body without a media type is unchanged: application/json', () => {
    const sent = planToSent(testCase({ body: { json: { a: 1 } } }), 'http://h', [], runnerOptions());
    expect(sent).toMatchObject({ bodyText: '{"a":1}', headers: { 'content-type': 'application/json' } });
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startMockServer } from '../../mock/startMockServer.ts';
import type { MockServer } from '../../mock/MockOptions.ts';
import { runCli } from '../helpers/cli.ts';
import { shellWords } from '../helpers/shellWords.ts';

const COUNT_LINE = /^# (\d+) requests planned \((\d+) deterministic, (\d+) random\) for (\d+) operation\(s\); nothing sent$/;

interface Captured {
  readonly method: string;
  readonly url: string;
  readonly body: string;
}

/** The planned requests of a dry run by case id: method, URL and body of each curl command. */
function plannedRequests(out: string): Map<string, { method: string; url: string; body: string }> {
  const lines = out.trimEnd().split('\n');
  const planned = new Map<string, { method: string; url: string; body: string }>();
  for (let i = 0; i + 1 < lines.length; i += 2) {
    const id = /^# (\S+) \((valid|boundary|invalid|no-auth|wrong-auth|unknown-resource|other-owner): .*\)$/.exec(lines[i]!)?.[1];
    expect(id, `line ${i}: ${lines[i]}`).toBeDefined();
    const words = shellWords(lines[i + 1]!);
    expect(words.slice(0, 2)).toEqual(['curl', '-X']);
    const data = words.indexOf('--data-raw');
    planned.set(id!, { method: words[2]!, url: words[3]!, body: data < 0 ? '' : words[data + 1]! });
  }
  return planned;
}

describe('--dry-run', () => {
  // A server that records every request and answers 200 {}: enough to see what a run sends.
  const captured: Captured[] = [];
  let server: Server;
  let url: string;
  let fixtures: MockServer['fixtures'];
  let flags: string[];

  beforeAll(async () => {
    const mock = await startMockServer({ port: 0 });
    fixtures = mock.fixtures;
    await mock.close();
    server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        captured.push({ method: req.method ?? '', url: req.url ?? '', body });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    flags = ['--target', url, ...Object.entries(fixtures).flatMap(([name, value]) => ['--fixture', `${name}=${value}`]), '--retries', '0'];
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  test('lists the seeded random cases too, ends with a count line, sends nothing', async () => {
    const { code, out, err } = await runCli(['run', '--dry-run', '--runs', '7', ...flags]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(captured).toEqual([]);
    const lines = out.trimEnd().split('\n');
    const count = COUNT_LINE.exec(lines.at(-1)!);
    expect(count, lines.at(-1)).not.toBeNull();
    const [total, deterministic, random, operations] = count!.slice(1).map(Number);
    const planned = plannedRequests(lines.slice(0, -1).join('\n'));
    expect(planned.size).toBe(total);
    expect(operations).toBe(2);
    expect(random).toBe(14);
    expect(deterministic).toBe(total! - 14);
    const randomIds = [...planned.keys()].filter((id) => id.includes(':random:'));
    // Seven per operation, by their index in the seeded sequence: a draw that repeats an earlier request is skipped.
    for (const op of ['upgradeInterconnectAppliance', 'updateHostedConnect']) {
      expect(randomIds.filter((id) => new RegExp(`^${op}:random:1:\\d+$`).test(id))).toHaveLength(7);
    }
  });

  test('--runs 0 plans no random case; --case plans only the cases named', async () => {
    const none = await runCli(['run', '--dry-run', '--runs', '0', ...flags]);
    expect(none.out.trimEnd().split('\n').at(-1)).toMatch(/^# \d+ requests planned \(\d+ deterministic, 0 random\) for 2 operation\(s\); nothing sent$/);
    const one = await runCli(['run', '--dry-run', '--case', 'updateHostedConnect:random:1:3', ...flags]);
    expect(one.code).toBe(0);
    // `--case` narrows the run to the operation it names.
    expect(one.out.trimEnd().split('\n').at(-1)).toBe('# 1 requests planned (0 deterministic, 1 random) for 1 operation(s); nothing sent');
  });

  test('every id it prints is accepted by run --case and plans the same request', async () => {
    const seed = '77';
    const all = await runCli(['run', '--dry-run', '--seed', seed, '--runs', '5', ...flags]);
    expect(all.code).toBe(0);
    const planned = plannedRequests(all.out.trimEnd().split('\n').slice(0, -1).join('\n'));
    const ids = [...planned.keys()];
    const chosen = await runCli(['run', '--dry-run', '--seed', seed, ...ids.flatMap((id) => ['--case', id]), ...flags]);
    expect(chosen.err).toBe('');
    expect(chosen.code).toBe(0);
    const lines = chosen.out.trimEnd().split('\n');
    expect(lines.at(-1)).toBe(`# ${ids.length} requests planned (${ids.length - 10} deterministic, 10 random) for 2 operation(s); nothing sent`);
    expect(plannedRequests(lines.slice(0, -1).join('\n'))).toEqual(planned);
  });

  test('run --case of a printed id sends exactly the printed request (a planned one and a random one)', async () => {
    const seed = '5';
    const { out } = await runCli(['run', '--dry-run', '--seed', seed, '--runs', '4', ...flags]);
    const planned = plannedRequests(out.trimEnd().split('\n').slice(0, -1).join('\n'));
    const ids = [...planned.keys()];
    const chosen = [ids.find((id) => id.startsWith('updateHostedConnect:') && !id.includes(':random:'))!, 'updateHostedConnect:random:5:2', 'upgradeInterconnectAppliance:random:5:3'];
    for (const id of chosen) {
      captured.length = 0;
      const { code, err } = await runCli(['run', '--seed', seed, '--case', id, '--report', 'console', ...flags]);
      expect(err).not.toContain('CONF_ERR');
      expect([0, 1, 3]).toContain(code);
      const expected = planned.get(id)!;
      const sent = captured.map((c) => ({ method: c.method, url: `${url}${c.url}`, body: c.body }));
      expect(sent, id).toContainEqual(expected);
    }
  });
});

describe('--dry-run with fixture probes', () => {
  test('the count line counts the fixture probes it lists: every request a run would send', async () => {
    const mock = await startMockServer({ port: 0 });
    try {
      // No --fixture: the document's example ids are probed first.
      const { code, out } = await runCli(['run', '--dry-run', '--runs', '2', '--target', mock.url]);
      expect(code).toBe(0);
      const lines = out.trimEnd().split('\n');
      const probes = lines.filter((l) => l.startsWith('# fixture probe')).length;
      const requests = lines.filter((l) => l.startsWith('curl ')).length;
      expect(probes).toBe(2);
      expect(lines.at(-1)).toBe(`# ${requests} requests planned (2 fixture probes, ${requests - 2 - 4} deterministic, 4 random) for 2 operation(s); nothing sent`);
      expect(mock.requestCount()).toBe(0);
    } finally {
      await mock.close();
    }
  });
});

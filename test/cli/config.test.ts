import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { expectOneErrorLine, runCli, tempDir } from '../helpers/cli.ts';

async function withConfig(yaml: string): Promise<string> {
  const path = join(await tempDir('config-'), 'conformance.yaml');
  await writeFile(path, yaml);
  return path;
}

describe('config file errors name the key', () => {
  test.each([
    ['an unknown check in skipChecks', 'operations:\n  updateHostedConnect:\n    skipChecks: [echoo]\n', 'operations.updateHostedConnect.skipChecks: unknown check "echoo"'],
    ['an unknown operation', 'operations:\n  deleteEverything:\n    skipChecks: [echo]\n', 'unknown operation or document "deleteEverything"'],
    ['a target for an unknown document', 'targets:\n  nope: http://127.0.0.1:1\n', 'unknown operation or document "nope"'],
    ['a bad status key', 'operations:\n  updateHostedConnect:\n    acceptedStatuses: ["2000"]\n', 'operations.updateHostedConnect.acceptedStatuses.0'],
    ['a wrong type', 'runs: many\n', 'runs must be integer'],
  ])('%s', async (_label, yaml, expected) => {
    const { code, err } = await runCli(['run', '--config', await withConfig(yaml)]);
    expect(code).toBe(2);
    expectOneErrorLine(err);
    expect(err).toContain(expected);
    expect(err).toContain('CONF_ERR_CONFIG');
  });

  test('a document target by file name is accepted', async () => {
    const { code, err } = await runCli(['run', '--dry-run', '--target', 'huawei-dc=http://127.0.0.1:9', '--target', 'hcx-interconnect=http://127.0.0.1:9']);
    expect(err).toBe('');
    expect(code).toBe(0);
  });
});

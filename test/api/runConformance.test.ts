import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runConformance } from '../../src/index.ts';
import { tempDir } from '../helpers/cli.ts';

const promote = { upgradeInterconnectAppliance: { acceptedStatuses: [], skipChecks: [], severity: { 'HCX.response.202.data.interconnectTaskId.required': 'failure' as const } } };

describe('runConformance from code takes every setting of the configuration file', () => {
  test('per-operation severity given in code', async () => {
    const report = await runConformance({ runs: 3, mock: { fault: 'hcx-no-task-id' }, operations: promote });
    expect(report.findings.map((f) => f.severity)).toEqual(['failure']);
    expect(report.summary.verdict).toBe('not-conforming');
  });

  test('a config file named in code, its operations merged with those given in code', async () => {
    const dir = await tempDir();
    const file = join(dir, 'conformance.yaml');
    await writeFile(file, 'operations:\n  upgradeInterconnectAppliance:\n    severity: { HCX.response.202.data.interconnectTaskId.required: failure }\n');
    const report = await runConformance({ runs: 3, configFile: file, mock: { fault: 'hcx-no-task-id' } });
    expect(report.findings.map((f) => f.severity)).toEqual(['failure']);
  });

  test('a setting the configuration does not have is named', async () => {
    await expect(runConformance({ mockFault: 'x' } as never)).rejects.toThrow('unknown setting "mockFault"');
  });
});

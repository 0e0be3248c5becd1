import { spawn } from 'node:child_process';
import { relative as relativePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../src/catalogue/buildCatalogue.ts';
import { formatCatalogue } from '../../src/catalogue/formatCatalogue.ts';
import { main } from '../../src/cli/main.ts';
import type { Constraint } from '../../src/model/Constraint.ts';
import { loadSpec } from '../../src/openapi/loadSpec.ts';
import { loadSpecs } from '../../src/openapi/loadSpecs.ts';

const BIN = fileURLToPath(new URL('../../bin/conformance.js', import.meta.url));
const WIDGETS = fileURLToPath(new URL('../catalogue/fixtures/widgets.openapi.yaml', import.meta.url));

interface Captured {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

async function runMain(argv: string[]): Promise<Captured> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

function spawnBin(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('conformance constraints', () => {
  let expected: Constraint[];

  beforeAll(async () => {
    expected = (await loadSpecs()).flatMap(buildCatalogue);
  });

  it('prints a table that names every constraint id, operation by operation', async () => {
    const { code, out, err } = await runMain(['constraints']);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(expected.length).toBe(214);
    for (const c of expected) expect(out, c.id).toContain(c.id);
    expect(out).toContain('upgradeInterconnectAppliance (53 constraints)');
    // The task API the 202 links to is an operation of the HCX document with rules of its own.
    expect(out).toContain('getInterconnectTask (31 constraints)');
    expect(out).toContain('updateHostedConnect (130 constraints)');
    // Sources are shown, and a long pattern is wrapped, not cut off.
    expect(out).toContain('Table 4 Note:');
    expect(out.split('\n').filter((line) => line.includes('…'))).toEqual([]);
  });

  it("shows each rule's provenance in a narrow column, spelt out in a legend", async () => {
    const { out } = await runMain(['constraints']);
    const row = (id: string): string[] => {
      const line = out.split('\n').find((l) => l.includes(`│ ${id} `));
      if (!line) throw new Error(`no row for ${id}`);
      return line.split('│').map((cell) => cell.trim());
    };
    expect(
      out
        .split('\n')
        .find((l) => l.includes('│ id '))
        ?.split('│')
        .map((cell) => cell.trim()),
    ).toEqual(['', 'id', 'where', 'kind', 'prov', 'value', 'source', '']);
    expect(row('DC.response.200.hosted_connect.vlan.required')[4]).toBe('read');
    expect(row('DC.response.400.error_code.pattern')[4]).toBe('conv');
    expect(row('DC.response.200.hosted_connect.vlan.maximum')[4]).toBe('page');
    const legend = out.trimEnd().split('\n').slice(-2);
    expect(legend.join(' ')).toMatch(/^prov: page = stated on the vendor page, read = reading, conv = convention, robu = robustness/);
    for (const line of legend) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('--json prints exactly the catalogue buildCatalogue computes, with the values each request rule is tried with', async () => {
    const { code, out, err } = await runMain(['constraints', '--json']);
    expect(code).toBe(0);
    expect(err).toBe('');
    const printed = JSON.parse(out) as Array<Constraint & { tried?: { boundary: string[]; violation: string[] } }>;
    expect(printed.map(({ tried: _tried, ...c }) => c)).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(printed.find((c) => c.id === 'DC.body.hosted_connect.bandwidth.minimum')?.tried).toEqual({
      boundary: ['hosted_connect.bandwidth = 2'],
      violation: ['hosted_connect.bandwidth = 1', 'hosted_connect.bandwidth = 0', 'hosted_connect.bandwidth = -1', 'hosted_connect.bandwidth = -2147483649'],
    });
    // Response rules are judged, not sent: nothing is tried for them.
    expect(printed.filter((c) => c.where === 'response' && c.tried !== undefined)).toEqual([]);
    const entries = JSON.parse(out) as Constraint[];
    for (const c of entries) expect(['page', 'reading', 'convention', 'robustness'], c.id).toContain(c.provenance);
    expect(entries.find((c) => c.id === 'HCX.response.202.data.interconnectTaskId.required')?.provenance).toBe('reading');
    expect(entries.find((c) => c.id === 'HCX.response.400.errors.required')?.provenance).toBe('convention');
  });

  it('--spec reads another document instead of the shipped ones', async () => {
    const { code, out } = await runMain(['constraints', '--spec', WIDGETS, '--json']);
    expect(code).toBe(0);
    const ids = (JSON.parse(out) as Constraint[]).map((c) => c.id);
    expect(ids).toEqual(buildCatalogue(await loadSpec(WIDGETS)).map((c) => c.id));
    expect(ids).toContain('W.body.size.maximum');
    expect(ids.some((id) => id.startsWith('DC.'))).toBe(false);
  });

  it('the same --spec twice, however spelt, is refused as `run` refuses it: one line, exit 2, nothing listed', async () => {
    const relative = `./${relativePath(process.cwd(), WIDGETS)}`;
    const { code, out, err } = await runMain(['constraints', '--spec', WIDGETS, '--spec', relative]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(`conformance: --spec ${relative} and --spec ${WIDGETS} are the same file [CONF_ERR_USAGE]\n`);
  });

  it('--spec on a missing file exits 2 with one line naming CONF_ERR_SPEC_NOT_FOUND, no stack trace', async () => {
    const { code, out, err } = await runMain(['constraints', '--spec', 'missing.yaml']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('CONF_ERR_SPEC_NOT_FOUND');
    expect(err).toContain('missing.yaml');
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('an unknown command exits 2 without running anything', async () => {
    const { code, out, err } = await runMain(['constrains']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/unknown command 'constrains'/);
  });

  it('an unknown option exits 2', async () => {
    const { code, err } = await runMain(['constraints', '--jsn']);
    expect(code).toBe(2);
    expect(err).toMatch(/unknown option '--jsn'/);
  });

  it('runs as a real process: bin/conformance.js constraints --json exits 0 with the JSON catalogue', async () => {
    const { code, stdout, stderr } = await spawnBin(['constraints', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as Constraint[];
    expect(parsed.map((c) => c.id)).toEqual(expected.map((c) => c.id));
  });
});

describe('the catalogue on a narrow terminal', () => {
  it('is a list that fits 80 columns (only an unbreakable pattern may run past), ids whole', async () => {
    const catalogue = (await loadSpecs([])).flatMap(buildCatalogue);
    const text = formatCatalogue(catalogue, 80);
    for (const line of text.split('\n')) if (line.trim().includes(' ')) expect(line.length, line).toBeLessThanOrEqual(80);
    for (const c of catalogue) expect(text).toContain(`${c.id}  [`);
  });

  it('--values lists what each request rule is tried with', async () => {
    const { code, out } = await runMain(['constraints', '--values']);
    expect(code).toBe(0);
    expect(out).toContain('DC.body.hosted_connect.bandwidth.minimum\n  edges:  hosted_connect.bandwidth = 2\n  breaks: hosted_connect.bandwidth = 1; hosted_connect.bandwidth = 0;');
    // Path ids: their rules' edges (ids naming nothing) and their odd shapes, under the parameter.
    expect(out).toContain('DC.path.hosted_connect_id.minLength\n  edges:  hosted_connect_id length 36 (names no resource)\n  breaks: hosted_connect_id length 35');
    expect(out).toMatch(/DC\.path\.project_id\.required\n {2}odd: {4}project_id of another shape[^\n]*project_id empty \(an empty segment\)[^\n]*project_id as unknown%2F\.\.%2Freal/);
    expect(out).toMatch(/HCX\.path\.applianceId\.required\n {2}odd: {4}[^\n]*applianceId of 4096 characters/);
  });
});

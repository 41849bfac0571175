import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cli } from '../../cli-run.js';
import { APP_VERSION } from '../../../src-main/common/version.js';

describe('api-doctor CLI', () => {
  it('--version prints the version', async () => {
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `api-doctor ${APP_VERSION}\n`, stderr: '' });
  });

  it('--help lists every contract flag', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    for (const flag of ['--json', '--method', '--header', '--data', '--provider', '--credential', '--token-env', '--auth', '--oauth-token-url', '--oauth-client-id', '--dns-server', '--reference-dns', '--resolve', '--proxy', '--no-proxy', '--ca-file', '--timeout', '--samples', '--slow-ms', '--bundle', '--stream', '--lang']) {
      expect(stdout).toContain(flag);
    }
  });

  it('bad input exits 2 with one line on stderr', async () => {
    const r = await cli(['diagnose', 'not a url']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/not a URL/);
  });

  it('an unknown command exits 2', async () => {
    expect((await cli(['diagnoze', 'https://x.example'])).code).toBe(2);
  });

  it('the built bin behaves the same', () => {
    const bin = 'dist/cli/api-doctor.cjs';
    expect(existsSync(bin), 'run npm run build first').toBe(true);
    expect(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' })).toBe(`api-doctor ${APP_VERSION}\n`);
    const bad = spawnSync(process.execPath, [bin, 'diagnose', 'not a url'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/not a URL/);
  });
});

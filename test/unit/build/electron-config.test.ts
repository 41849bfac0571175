import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

describe('electron.config.ts (electron-builder)', () => {
  it('loads the way `electron-builder --config electron.config.ts` loads it, and passes its schema', async () => {
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      getConfig(dir: string, file: string, extra: null): Promise<Record<string, unknown>>;
      validateConfiguration(c: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const config = await getConfig(process.cwd(), path.resolve('electron.config.ts'), null);
    await validateConfiguration(config, new DebugLogger(false));
    expect(config).toMatchObject({ appId: expect.any(String), productName: 'API Doctor', directories: { buildResources: 'build' } });
    expect(config.asarUnpack).toEqual(expect.arrayContaining([expect.stringContaining('keytar')]));
    expect(config.electronFuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false, onlyLoadAppFromAsar: true });
    const targets = (k: string) => JSON.stringify((config[k] as { target: unknown }).target);
    expect(targets('linux')).toContain('AppImage');
    expect(targets('linux')).toContain('deb');
    expect(targets('mac')).toContain('dmg');
    expect(targets('win')).toContain('nsis');
  });
});

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as { listPackage(file: string, opts: object): string[] };

/** @electron/fuses finds the fuse wire after this marker in the Electron binary (v1 wire format). */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's shipped defaults, in wire order: RunAsNode, CookieEncryption, NodeOptions, Inspect, AsarIntegrity, OnlyLoadAppFromAsar, V8Snapshot, FileProtocolPrivileges. */
const DEFAULT_WIRE = '10110001';

/**
 * What a user installs: electron-builder packages the built app for real (`--linux dir`), with a
 * stand-in for Electron's binary (which cannot be downloaded here) that carries a fuse wire like
 * the real one, so the fuses of electron.config.ts are flipped and checked too. `npm run dist` on a
 * normal machine uses the same config with the real binary and the real targets.
 */
describe('the packaged app (electron-builder, linux dir target)', () => {
  it('ships dist/ and the native keytar only, with the fuses flipped', () => {
    expect(existsSync('dist/main/index.cjs'), 'run `npm run build` first').toBe(true);
    const work = mkdtempSync(path.join(os.tmpdir(), 'api-doctor-pack-'));
    try {
      const electronDist = path.join(work, 'electron-dist');
      const out = path.join(work, 'out');
      spawnSync('mkdir', ['-p', electronDist]);
      const standIn = path.join(electronDist, 'electron');
      writeFileSync(standIn, Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n'), Buffer.from(FUSE_SENTINEL), Buffer.from([1, DEFAULT_WIRE.length]), Buffer.from(`${DEFAULT_WIRE}\n`)]));
      chmodSync(standIn, 0o755);

      const r = spawnSync(
        process.execPath,
        [require.resolve('electron-builder/cli.js'), '--config', 'electron.config.ts', '--linux', 'dir', `-c.electronDist=${electronDist}`, '-c.npmRebuild=false', `-c.directories.output=${out}`],
        { encoding: 'utf8', timeout: 120_000, env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } },
      );
      expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);

      const unpacked = path.join(out, 'linux-unpacked');
      const appAsar = path.join(unpacked, 'resources', 'app.asar');
      const files = asar.listPackage(appAsar, { isPack: false }).map((f) => f.replaceAll('\\', '/'));
      // What the app runs: main, preload, the renderer, and the package.json that names main.
      for (const f of ['/dist/main/index.cjs', '/dist/preload/index.cjs', '/dist/renderer/index.html', '/package.json']) expect(files).toContain(f);
      expect(files.some((f) => /^\/dist\/renderer\/assets\/.+\.js$/.test(f))).toBe(true);
      // Every renderer chunk, the lazily loaded language texts too (a missing one is a blank screen).
      for (const f of readdirSync('dist/renderer/assets')) expect(files).toContain(`/dist/renderer/assets/${f}`);
      // What it must not carry: source maps, sources, tests, the CLI bundle, bundled-in libraries.
      expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
      expect(files.filter((f) => /^\/(src-main|src-renderer|test|bench|docs|scripts)\//.test(f))).toEqual([]);
      expect(files.filter((f) => f.startsWith('/dist/cli'))).toEqual([]);
      const modules = new Set(files.filter((f) => f.startsWith('/node_modules/')).map((f) => f.split('/')[2]));
      expect([...modules]).toEqual(['keytar']);
      // keytar's native binding is unpacked: a .node file cannot be loaded from inside an asar.
      expect(existsSync(path.join(unpacked, 'resources', 'app.asar.unpacked', 'node_modules', 'keytar', 'build', 'Release', 'keytar.node'))).toBe(true);
      expect(files.filter((f) => /prebuild-install|node-addon-api|\/src\/.*\.cc$/.test(f))).toEqual([]);

      const pkg = JSON.parse(readFileSync(path.join(unpacked, 'resources', 'app.asar.unpacked', 'node_modules', 'keytar', 'package.json'), 'utf8')) as { name: string };
      expect(pkg.name).toBe('keytar');

      // The fuses of electron.config.ts, flipped in the binary users run.
      const binary = readFileSync(path.join(unpacked, 'api-doctor'));
      const at = binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
      const wire = binary.subarray(at + 2, at + 2 + binary[at + 1]!).toString('latin1');
      expect(wire[0], 'RunAsNode').toBe('0');
      expect(wire[1], 'EnableCookieEncryption').toBe('1');
      expect(wire[2], 'EnableNodeOptionsEnvironmentVariable').toBe('0');
      expect(wire[3], 'EnableNodeCliInspectArguments').toBe('0');
      expect(wire[4], 'EnableEmbeddedAsarIntegrityValidation').toBe('1');
      expect(wire[5], 'OnlyLoadAppFromAsar').toBe('1');

      // 13.8 MB when node_modules went in wholesale; about 2.4 MB now. A bound, not a benchmark.
      expect(statSync(appAsar).size).toBeLessThan(4 * 1024 * 1024);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

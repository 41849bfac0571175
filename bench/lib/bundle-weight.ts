import { build } from 'esbuild';
import path from 'node:path';

/**
 * What the CLI bundle is made of, by package (KB of output). Start-up time is mostly parsing
 * this file, so the big entries are where lazy loading or a lighter dependency would pay.
 */
export async function cliBundleWeight(root: string): Promise<{ name: string; kb: number }[]> {
  const r = await build({
    entryPoints: [path.join(root, 'src-main', 'cli', 'index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: path.join(root, 'node_modules', '.cache', 'api-doctor-bench', 'cli-weight.cjs'),
    external: ['electron', 'keytar'],
    define: { __APP_VERSION__: '"bench"' },
    metafile: true,
    write: false,
    logLevel: 'error',
  });
  const inputs = Object.values(r.metafile.outputs).find((o) => o.entryPoint)?.inputs ?? {};
  const by = new Map<string, number>();
  for (const [file, info] of Object.entries(inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    const key = m ? m[1]! : file.split('/').slice(0, 2).join('/');
    by.set(key, (by.get(key) ?? 0) + info.bytesInOutput);
  }
  return [...by].map(([name, b]) => ({ name, kb: Math.round(b / 1024) })).sort((a, b) => b.kb - a.kb);
}

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { BundlePreview, OpenedBundle } from '../common/bundle.js';
import { LANGS, type JsonValue, type Lang, type Report } from '../common/report.js';
import { err, ok, type Result } from '../common/result.js';
import { MAX_BUNDLE_FILE_BYTES, readBundle, readBundleFile } from '../bundle/read.js';
import { reportSchema } from '../bundle/report-schema.js';
import { buildBundle, type BuiltBundle } from '../bundle/write.js';
import type { HandlerTable } from './handlers.js';

export interface BundleDeps {
  /** environment.json's content for this machine. */
  environment: (target?: string) => Promise<{ [k: string]: JsonValue }>;
  /** The OS save dialog; the chosen path, or null when cancelled. */
  chooseBundleSavePath: (defaultName: string) => Promise<string | null>;
  /** The OS open dialog for a .zip; the chosen path, or null when cancelled. */
  chooseBundleOpenPath: () => Promise<string | null>;
  /** How the human report is rendered in report.md (default: the bundle's own renderer). */
  renderMarkdown?: (report: Report) => string;
}

const requestSchema = z.object({ report: reportSchema, lang: z.enum(LANGS as [Lang, ...Lang[]]).optional() });
const BASE64_LIMIT = Math.ceil(MAX_BUNDLE_FILE_BYTES / 3) * 4;
const sourceSchema = z
  .object({ bytesBase64: z.string().max(BASE64_LIMIT, 'the file is too large to be a bundle').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'), name: z.string().max(255).optional() })
  .strict()
  .optional();

/** `api-doctor-api.example.com-2025-01-31.zip` */
export function defaultBundleName(report: Report): string {
  let host = 'report';
  try {
    host = new URL(report.target.url).hostname.replace(/[^A-Za-z0-9.-]/g, '_') || host;
  } catch {
    // keep the default
  }
  return `api-doctor-${host}-${report.startedAt.slice(0, 10).replace(/[^0-9-]/g, '') || 'bundle'}.zip`;
}

export function bundleHandlers(deps: BundleDeps): Pick<HandlerTable, 'previewBundle' | 'exportBundle' | 'openBundle'> {
  const build = async (input: unknown): Promise<Result<{ built: BuiltBundle; report: Report }>> => {
    const parsed = requestSchema.safeParse(input);
    if (!parsed.success) return err('bad-input', `This is not a report API Doctor can bundle (${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? 'invalid'})`);
    const report = parsed.data.report as unknown as Report;
    const built = buildBundle(report, {
      environment: await deps.environment(report.target.url),
      ...(parsed.data.lang ? { lang: parsed.data.lang } : {}),
      ...(deps.renderMarkdown ? { renderMarkdown: deps.renderMarkdown } : {}),
    });
    return ok({ built, report });
  };

  return {
    async previewBundle(_ctx, request): Promise<Result<BundlePreview>> {
      const r = await build(request);
      if (!r.ok) return r;
      const { files, redactions } = r.value.built;
      return ok({ files, redactions, totalBytes: r.value.built.zip.length });
    },
    async exportBundle(_ctx, request): Promise<Result<{ saved: boolean; fileName: string | null; bytes: number }>> {
      const r = await build(request);
      if (!r.ok) return r;
      const target = await deps.chooseBundleSavePath(defaultBundleName(r.value.report));
      if (!target) return ok({ saved: false, fileName: null, bytes: 0 });
      const file = target.toLowerCase().endsWith('.zip') ? target : `${target}.zip`;
      try {
        await writeFile(file, r.value.built.zip, { mode: 0o600 });
      } catch (e) {
        return err('unavailable', `Cannot write ${path.basename(file)} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      }
      return ok({ saved: true, fileName: path.basename(file), bytes: r.value.built.zip.length });
    },
    async openBundle(_ctx, source): Promise<Result<OpenedBundle | null>> {
      const parsed = sourceSchema.safeParse(source);
      if (!parsed.success) return err('bad-input', `Cannot open this bundle: ${parsed.error.issues[0]?.message ?? 'invalid input'}`);
      if (parsed.data) {
        const bytes = Buffer.from(parsed.data.bytesBase64, 'base64');
        return readBundle(bytes, { source: parsed.data.name ? path.basename(parsed.data.name) : null });
      }
      const picked = await deps.chooseBundleOpenPath();
      if (!picked) return ok(null);
      return readBundleFile(picked);
    },
  };
}

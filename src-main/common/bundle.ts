import type { Lang, Report } from './report.js';

export const BUNDLE_SCHEMA = 'api-doctor/bundle@1' as const;

/** The files of a diagnostic bundle (diagnosis contract, section 5), in the order they are written. */
export const BUNDLE_FILES = ['report.json', 'report.md', 'requests.har', 'environment.json', 'manifest.json'] as const;
export type BundleFileName = (typeof BUNDLE_FILES)[number];

export interface BundleFileInfo {
  name: string;
  bytes: number;
  sha256: string;
}

/** `manifest.json`: what made the bundle and a checksum per file. */
export interface BundleManifest {
  schema: typeof BUNDLE_SCHEMA;
  tool: { name: 'api-doctor'; version: string };
  createdAt: string;
  lang: Lang;
  files: BundleFileInfo[];
}

/**
 * What a redacted value was, as a stable id the UI translates (en, zh-CN). `text` is a line of
 * report.md; `known secret` a value the run was told (credential, client secret, proxy password).
 */
export type RedactionKind =
  | 'known secret'
  | 'authorization header'
  | 'cookie'
  | 'api key header'
  | 'query param'
  | 'url credentials'
  | 'bearer token'
  | 'basic credentials'
  | 'secret field'
  | 'key pattern'
  | 'text';

/** One value the redactor replaced: in which file, where (a JSON path, or `line N`), and what it looked like. */
export interface RedactionEntry {
  file: string;
  path: string;
  kind: RedactionKind;
}

/** What "Export bundle" would write, shown before anything is written. */
export interface BundlePreview {
  files: BundleFileInfo[];
  totalBytes: number;
  redactions: RedactionEntry[];
}

/** A bundle read back (made anywhere: this app, the CLI on a server, another version). */
export interface OpenedBundle {
  report: Report;
  manifest: BundleManifest | null;
  files: BundleFileInfo[];
  /** Things a reader should know (a checksum mismatch, an unknown extra file…). */
  warnings: string[];
  /** The file's base name, for the title bar. */
  source: string | null;
}

/** What the renderer asks main to bundle: the report it got from a run (main re-redacts it anyway). */
export interface BundleRequest {
  report: Report;
  lang?: Lang;
}

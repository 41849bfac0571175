import type { ProviderError } from './types.js';

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);
const obj = (v: unknown): Record<string, unknown> | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

/**
 * Reads an API error body in any of the shapes LLM providers use: OpenAI / Zhipu / Azure
 * (`{error:{message,type,code}}`), Anthropic (`{type:"error",error:{type,message}}`), and the
 * common loose ones (`{error:"…"}`, `{code,msg}`, `{detail}`, `{message}`). Null when the body
 * is not JSON or says nothing.
 */
export function parseErrorBody(text: string | null | undefined): ProviderError | null {
  if (!text) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const root = obj(json);
  if (!root) return null;
  const inner = obj(root.error);
  if (inner) {
    const message = str(inner.message) ?? str(inner.msg) ?? str(inner.error_description);
    return { type: str(inner.type), code: str(inner.code), message };
  }
  if (typeof root.error === 'string') {
    return { type: null, code: str(root.code) ?? root.error, message: str(root.error_description) ?? str(root.message) ?? root.error };
  }
  const detail = root.detail;
  const message = str(root.message) ?? str(root.msg) ?? str(detail) ?? (Array.isArray(detail) ? str(obj(detail[0])?.msg) : null);
  const code = str(root.code) ?? str(root.error_code);
  if (message === null && code === null) return null;
  return { type: str(root.type), code, message };
}

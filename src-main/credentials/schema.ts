import { z } from 'zod';
import { CREDENTIAL_NAME_PATTERN, type CredentialInput, type CredentialPlacement, type CredentialSummary } from '../common/credential.js';
import type { ProviderId } from '../common/report.js';

const HEADER_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Keys and tokens are short; a megabyte "secret" is a paste accident or an attack on the keychain. */
export const MAX_SECRET_LENGTH = 16_384;

export const PROVIDERS: readonly ProviderId[] = ['openai', 'zhipu', 'anthropic', 'azure-openai', 'generic', 'deepseek', 'moonshot', 'dashscope', 'openrouter'];

export const credentialNameSchema = z
  .string()
  .trim()
  .regex(CREDENTIAL_NAME_PATTERN, 'a name is 1–64 letters, digits, spaces, dots, dashes, underscores or @, starting with a letter or digit');

export const providerSchema = z.enum(PROVIDERS as [ProviderId, ...ProviderId[]]);

const httpsOrLoopbackUrl = z
  .string()
  .max(2048)
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'the token URL must be an http(s) URL');

export const placementSchema: z.ZodType<CredentialPlacement> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bearer') }).strict(),
  z.object({ kind: z.literal('basic') }).strict(),
  z.object({ kind: z.literal('header'), name: z.string().regex(HEADER_TOKEN, 'not a valid header name').max(128) }).strict(),
  z.object({ kind: z.literal('query'), param: z.string().min(1).max(128).regex(/^[^\s&=#]+$/, 'not a valid parameter name') }).strict(),
  z.object({ kind: z.literal('oauth-client-credentials'), tokenUrl: httpsOrLoopbackUrl, clientId: z.string().min(1).max(512) }).strict(),
]);

export const secretSchema = z
  .string()
  .min(1, 'the secret is empty')
  .max(MAX_SECRET_LENGTH, `the secret is longer than ${MAX_SECRET_LENGTH} characters`)
  .refine((s) => !/[\r\n\0]/.test(s), 'the secret contains a line break or NUL (pasted twice?)');

export const credentialInputSchema: z.ZodType<CredentialInput> = z
  .object({
    name: credentialNameSchema,
    provider: providerSchema,
    placement: placementSchema,
    secret: secretSchema,
    overwrite: z.boolean().optional(),
  })
  .strict();

export const summarySchema: z.ZodType<CredentialSummary> = z
  .object({
    name: credentialNameSchema,
    provider: providerSchema,
    placement: placementSchema,
    fingerprint: z.string().max(64),
    createdAt: z.string().max(64),
    updatedAt: z.string().max(64),
  })
  .strict();

/** The settings file holding credential metadata (never secrets). */
export const metadataFileSchema = z.object({
  version: z.literal(1),
  credentials: z.array(summarySchema).max(1000),
});
export type MetadataFile = z.infer<typeof metadataFileSchema>;

/** One line for people, from the first issue zod found. */
export function describeIssue(e: z.ZodError): string {
  const i = e.issues[0];
  if (!i) return 'invalid input';
  const where = i.path.length ? `${i.path.join('.')}: ` : '';
  return `${where}${i.message}`;
}

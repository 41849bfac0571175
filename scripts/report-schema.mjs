// Writes docs/report.schema.json (contract section 3). The code list comes from src-main/common/codes.ts;
// test/unit/engine/codes-doc.test.ts fails when the two disagree: re-run this script.
import { readFileSync, writeFileSync } from 'node:fs';
const src = readFileSync('src-main/common/codes.ts', 'utf8');
const codes = [...src.matchAll(/^\s+([A-Z][A-Z0-9_]+): \{ stage:/gm)].map((m) => m[1]);
const stages = ['environment', 'proxy', 'dns', 'tcp', 'tls', 'http', 'auth', 'server'];
const nv = { type: 'object', required: ['name', 'value'], properties: { name: { type: 'string' }, value: { type: 'string' } } };
const ms = { type: ['number', 'null'], minimum: 0 };
const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://api-doctor.dev/schemas/report@1.json',
  title: 'API Doctor report (api-doctor/report@1)',
  description: 'What `api-doctor diagnose URL --json` prints and what a bundle\'s report.json holds. Contract section 3: fields may be added, never renamed.',
  type: 'object',
  required: ['schema', 'tool', 'target', 'startedAt', 'durationMs', 'summary', 'stages', 'findings', 'timings'],
  properties: {
    schema: { const: 'api-doctor/report@1' },
    tool: { type: 'object', required: ['name', 'version'], properties: { name: { const: 'api-doctor' }, version: { type: 'string', minLength: 1 } } },
    target: {
      type: 'object',
      required: ['url', 'method', 'provider'],
      properties: { url: { type: 'string', minLength: 1 }, method: { type: 'string', pattern: '^[!#$%&\'*+.^_`|~0-9A-Za-z-]+$' }, provider: { enum: ['openai', 'zhipu', 'anthropic', 'azure-openai', 'generic', 'deepseek', 'moonshot', 'dashscope', 'openrouter'] } },
    },
    lang: { enum: ['en', 'zh-CN'] },
    startedAt: { type: 'string', format: 'date-time' },
    durationMs: { type: 'number', minimum: 0 },
    summary: {
      type: 'object',
      required: ['verdict', 'rootCause', 'headline'],
      properties: { verdict: { enum: ['healthy', 'degraded', 'failing', 'cancelled'] }, rootCause: { oneOf: [{ $ref: '#/definitions/code' }, { type: 'null' }] }, headline: { type: 'string', minLength: 1 }, caFileOnly: { description: 'Present when the client the run was judged for (--client, default curl) does not trust the chain and only --ca-file made it pass: that client and the matrix rows lack that CA.', type: 'object', required: ['client'], properties: { client: { type: 'string' } } } },
    },
    stages: {
      type: 'array',
      minItems: 8,
      maxItems: 8,
      items: {
        type: 'object',
        required: ['id', 'status', 'durationMs'],
        properties: { id: { enum: stages }, status: { enum: ['pass', 'warn', 'fail', 'skipped'] }, durationMs: { type: 'number', minimum: 0 }, reason: { type: 'string' }, reasonRef: { description: 'The reason as data (a report/text sentence code and its values), so a viewer can word it in another language.', type: 'object', required: ['code'], properties: { code: { type: 'string' }, values: { type: 'object' } } } },
      },
    },
    findings: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'stage', 'severity', 'title', 'detail', 'evidence', 'fixes'],
        properties: {
          code: { $ref: '#/definitions/code' },
          stage: { enum: stages },
          severity: { enum: ['error', 'warn', 'info'] },
          title: { type: 'string', minLength: 1 },
          detail: { type: 'string' },
          evidence: { type: 'object' },
          fixes: { type: 'array', items: { type: 'string', minLength: 1 } },
        },
      },
    },
    timings: {
      type: 'object',
      required: ['dnsMs', 'connectMs', 'tlsMs', 'ttfbMs', 'downloadMs', 'totalMs'],
      properties: { dnsMs: ms, connectMs: ms, tlsMs: ms, ttfbMs: ms, downloadMs: ms, totalMs: { type: 'number', minimum: 0 } },
    },
    exchanges: {
      type: 'array',
      items: {
        type: 'object',
        required: ['startedAt', 'request', 'response', 'timings', 'totalMs'],
        properties: {
          startedAt: { type: 'string' },
          request: { type: 'object', required: ['method', 'url', 'httpVersion', 'headers', 'bodySize'], properties: { headers: { type: 'array', items: nv } } },
          response: { oneOf: [{ type: 'null' }, { type: 'object', required: ['status', 'statusText', 'httpVersion', 'headers', 'bodySize'], properties: { status: { type: 'integer' }, headers: { type: 'array', items: nv } } }] },
          error: { type: 'string' },
          serverIPAddress: { type: 'string' },
          timings: { type: 'object', required: ['blocked', 'dns', 'connect', 'ssl', 'send', 'wait', 'receive'] },
          totalMs: { type: 'number' },
        },
      },
    },
    advice: {},
    clients: {
      description: "The client matrix (contract section 7): for each common client, whether this call from this machine would work for it, judged from the measured paths and trust stores and the client's documented rules (docs/clients.md).",
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'label', 'outcome', 'code', 'reason'],
        properties: {
          id: { type: 'string', description: 'curl | browser | node | python-requests | python-httpx | openai-python | anthropic-python | openai-node (more may be added)' },
          label: { type: 'string' },
          outcome: { enum: ['ok', 'fail', 'at-risk', 'unknown'] },
          code: { oneOf: [{ $ref: '#/definitions/code' }, { type: 'null' }] },
          reason: { type: 'string' },
          labelRef: { description: 'The label as data (a report/text sentence code and its values), so a viewer can word it in another language.', type: 'object', required: ['code'], properties: { code: { type: 'string' }, values: { type: 'object' } } },
          reasonRef: { description: 'The reason as data, like labelRef.', type: 'object', required: ['code'], properties: { code: { type: 'string' }, values: { type: 'object' } } },
        },
      },
    },
    tls: {
      description: 'The certificates the TLS handshake presented (leaf first, as sent) and, for each trust store the run read, whether it accepts the chain (null: unknown, with a reason). Present when a chain was seen.',
      type: 'object',
      required: ['host', 'checkedAt', 'protocol', 'cipher', 'alpn', 'caFile', 'chain', 'stores'],
      properties: {
        host: { type: 'string' },
        checkedAt: { type: 'string', format: 'date-time', description: 'The clock the dates were judged by.' },
        protocol: { type: ['string', 'null'] },
        cipher: { type: ['string', 'null'] },
        alpn: { type: ['string', 'null'] },
        caFile: { type: ['string', 'null'], description: 'The CA file the run verified with (--ca-file).' },
        chain: {
          type: 'array',
          items: {
            type: 'object',
            required: ['subject', 'issuer', 'validFrom', 'validTo', 'names', 'selfSigned', 'fingerprint256'],
            properties: {
              subject: { type: 'string' },
              issuer: { type: 'string' },
              validFrom: { type: 'string' },
              validTo: { type: 'string' },
              names: { type: 'array', items: { type: 'string' } },
              selfSigned: { type: 'boolean' },
              fingerprint256: { type: 'string' },
              keyType: { type: 'string', description: "Node's name of the key algorithm: rsa, ec, ed25519, rsa-pss…" },
              keyBits: { type: 'integer' },
              curve: { type: 'string' },
              serialNumber: { type: 'string' },
              ca: { type: 'boolean' },
              inTrustStore: { type: 'boolean', description: 'The root is one of the verifying store\'s own certificates: the server may not have sent it.' },
            },
          },
        },
        stores: {
          type: 'array',
          items: {
            type: 'object',
            required: ['store', 'source', 'trusts', 'reason'],
            properties: {
              store: { type: 'string', description: 'node-bundled | node-extra | os | certifi | ca-file | file:<path> (a CA file a client variable names)' },
              source: { type: ['string', 'null'] },
              trusts: { type: ['boolean', 'null'] },
              reason: { type: ['string', 'null'] },
            },
          },
        },
      },
    },
  },
  definitions: { code: { description: 'A finding code of the diagnosis contract, section 2 (docs/codes.md).', enum: codes } },
};
writeFileSync('docs/report.schema.json', JSON.stringify(schema, null, 2) + '\n');
console.log(codes.length);

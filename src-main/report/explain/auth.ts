import type { CodesOfStage } from '../../common/codes.js';
import type { Evidence } from '../../common/report.js';
import { authMalformedText } from './auth-malformed.js';
import { ev, type CodeText } from './types.js';

const URL_ = 'https://api.openai.com/v1/models';
const has = (e: Evidence, k: string) => e[k] !== undefined && e[k] !== null && e[k] !== '';
const said = (e: Evidence, zh: boolean) => (has(e, 'providerMessage') ? (zh ? `服务器提示：“${ev(e, 'providerMessage')}”。` : ` The server says: "${ev(e, 'providerMessage')}".`) : '');
const rid = (e: Evidence, zh: boolean) => (has(e, 'requestId') ? (zh ? `（${ev(e, 'requestId')}）` : ` (${ev(e, 'requestId')})`) : '');

/** The refusal's reason: the server's words, or (none given) our reading of its error, in Chinese on a Chinese screen. */
const ownReading = (e: Evidence) => has(e, 'providerMeaning') && e.reason === e.providerMeaning;
const reasonZh = (e: Evidence) => (ownReading(e) && has(e, 'providerMeaningZh') ? ev(e, 'providerMeaningZh') : ev(e, 'reason'));

/** The placement as the engine words it ("Bearer (Authorization header)", "header x-api-key", "query parameter key"), in Chinese. */
const sentAsZh = (e: Evidence): string =>
  ev(e, 'sentAs')
    .replace(/^(\S+) \(Authorization header, from -H\)$/, '$1（-H 给出的 Authorization 请求头）')
    .replace(/^(\S+) \(Authorization header\)$/, '$1（Authorization 请求头）')
    .replace(/^header (\S+) \(from -H\)$/, '-H 给出的请求头 $1')
    .replace(/^header (\S+)$/, '请求头 $1')
    .replace(/^query parameter (\S+)$/, '查询参数 $1');

/** Title, detail and fixes of every auth code, in English and Simplified Chinese. */
export const authTexts: Record<CodesOfStage<'auth'>, CodeText> = {
  AUTH_MISSING: {
    example: { url: URL_, status: 401, providerMessage: "You didn't provide an API key.", requestId: 'x-request-id: req_8f2c1a' },
    en: (e) => ({
      title: 'The API needs a credential, and none was sent',
      detail: `${ev(e, 'url')} answered 401.${said(e, false)}${has(e, 'withheld') ? ` A credential was given but not sent: ${ev(e, 'withheld')}.` : ''}`,
      fixes: ['Give the key: api-doctor diagnose URL --token-env OPENAI_API_KEY, or from the keychain: api-doctor diagnose URL --credential NAME.', 'In your program, check that the environment variable is set in the process that makes the call (services and IDEs often do not inherit your shell\'s variables).'],
    }),
    'zh-CN': (e) => ({
      title: 'API 需要凭据，但请求中没有携带',
      detail: `${ev(e, 'url')} 返回 401。${said(e, true)}${has(e, 'withheld') ? `已提供凭据但未发送：${ev(e, 'withheld')}。` : ''}`,
      fixes: ['提供密钥：api-doctor diagnose URL --token-env OPENAI_API_KEY，或从钥匙串读取：api-doctor diagnose URL --credential NAME。', '在你的程序中确认发起调用的进程里设置了该环境变量（系统服务和 IDE 往往不会继承终端里的变量）。'],
    }),
  },
  AUTH_REJECTED: {
    example: { url: URL_, status: 401, credential: 'sk-proj-…9f2c', sentAs: 'Bearer (Authorization header)', providerMessage: 'Incorrect API key provided: sk-proj-****9f2c.', providerCode: 'invalid_api_key', requestId: 'x-request-id: req_8f2c1a' },
    en: (e) => ({
      title: 'The server refused the credential (401)',
      detail: `The key ${ev(e, 'credential')} sent as ${ev(e, 'sentAs')} was not accepted.${said(e, false)}${rid(e, false)} The key is wrong, revoked, or belongs to another account, project, region or environment (test vs production).`,
      fixes: ['Copy the key again from the provider\'s console (it is shown only once; create a new one if needed).', has(e, 'siblingEndpoints') ? `This provider has another region or platform whose keys do not work here: ${ev(e, 'siblingEndpoints')}. If the key comes from there, call that endpoint instead.` : 'Check it is the key for this endpoint: the right provider, region and project (e.g. open.bigmodel.cn vs api.z.ai keys are separate).', 'Make sure the program reads the key you think it does (print its fingerprint, never the key).'],
    }),
    'zh-CN': (e) => ({
      title: '服务器拒绝了该凭据（401）',
      detail: `以 ${sentAsZh(e)} 方式发送的密钥 ${ev(e, 'credential')} 未被接受。${said(e, true)}${rid(e, true)}密钥错误、已吊销，或属于其他账户、项目、地域或环境（测试与生产）。`,
      fixes: ['从服务商控制台重新复制密钥（密钥通常只显示一次，必要时新建一个）。', has(e, 'siblingEndpoints') ? `该服务商还有另一个地域或平台，其密钥在这里不能用：${ev(e, 'siblingEndpoints')}。如果密钥来自那里，请改为调用那个地址。` : '确认这是该接口对应的密钥：服务商、地域和项目都要对（例如 open.bigmodel.cn 与 api.z.ai 的密钥互不通用）。', '确认程序读取的正是你以为的那个密钥（打印其指纹，切勿打印密钥本身）。'],
    }),
  },
  AUTH_MALFORMED: authMalformedText,
  AUTH_TOKEN_EXPIRED: {
    example: { credential: 'eyJ…Qssw', source: 'jwt', reason: 'expired', expiredAt: '2026-11-23T08:00:00.000Z', checkedAt: '2026-11-23T20:00:00.000Z' },
    en: (e) => ({
      title: e.reason === 'not-yet-valid' ? 'The token is not valid yet' : 'The token has expired',
      detail:
        e.source === 'jwt'
          ? e.reason === 'not-yet-valid'
            ? `The token ${ev(e, 'credential')} becomes valid only at ${ev(e, 'notBefore')} (checked ${ev(e, 'checkedAt')}): the issuer's or this machine's clock is off.`
            : `The token ${ev(e, 'credential')} expired at ${ev(e, 'expiredAt')} (its exp claim; checked ${ev(e, 'checkedAt')}). It was not sent.`
          : `The server says the token has expired.${said(e, false)}${has(e, 'errorDescription') ? ` (${ev(e, 'errorDescription')})` : ''}${rid(e, false)}`,
      fixes: ['Get a fresh token (log in again, or request a new one from the token endpoint) and use it right away.', 'In your program, refresh tokens before exp, not after the first 401.', 'If tokens expire immediately, check this machine\'s clock.'],
    }),
    'zh-CN': (e) => ({
      title: e.reason === 'not-yet-valid' ? '令牌尚未生效' : '令牌已过期',
      detail:
        e.source === 'jwt'
          ? e.reason === 'not-yet-valid'
            ? `令牌 ${ev(e, 'credential')} 要到 ${ev(e, 'notBefore')} 才生效（检查时间 ${ev(e, 'checkedAt')}）：签发方或本机的时钟有偏差。`
            : `令牌 ${ev(e, 'credential')} 已于 ${ev(e, 'expiredAt')} 过期（exp 字段；检查时间 ${ev(e, 'checkedAt')}），因此没有发送。`
          : `服务器表示令牌已过期。${said(e, true)}${has(e, 'errorDescription') ? `（${ev(e, 'errorDescription')}）` : ''}${rid(e, true)}`,
      fixes: ['获取新令牌（重新登录，或从令牌接口重新申请）并立即使用。', '在程序中于过期前刷新令牌，而不是等到第一次 401 之后。', '如果令牌一拿到就过期，请检查本机时钟。'],
    }),
  },
  AUTH_KEY_PROVIDER_MISMATCH: {
    example: { credential: 'sk-ant-…Xw2A', keyLooksLike: 'Anthropic (sk-ant-…)', endpointProvider: 'OpenAI', url: 'https://api.openai.com' },
    en: (e) => ({
      title: `This looks like a key for ${ev(e, 'keyLooksLike')}, not for ${ev(e, 'endpointProvider')}`,
      detail: `The key ${ev(e, 'credential')} has the format of ${ev(e, 'keyLooksLike')}, but ${ev(e, 'url')} is ${ev(e, 'endpointProvider')}. It was not sent there: it would be refused, and it should not travel to another company.`,
      fixes: [`Use a key issued by ${ev(e, 'endpointProvider')} for this URL.`, 'Or point the client at the provider the key belongs to (its base URL).', 'With several providers, keep one environment variable per provider (OPENAI_API_KEY, ANTHROPIC_API_KEY, ZHIPU_API_KEY).'],
    }),
    'zh-CN': (e) => ({
      title: `这看起来是 ${ev(e, 'keyLooksLike')} 的密钥，而不是 ${ev(e, 'endpointProvider')} 的`,
      detail: `密钥 ${ev(e, 'credential')} 的格式属于 ${ev(e, 'keyLooksLike')}，但 ${ev(e, 'url')} 是 ${ev(e, 'endpointProvider')}。API Doctor 没有把它发过去：它会被拒绝，也不应该被发给另一家公司。`,
      fixes: [`为该地址使用 ${ev(e, 'endpointProvider')} 签发的密钥。`, '或把客户端的 base URL 改成该密钥所属服务商的地址。', '同时使用多家服务时，每家用一个环境变量（OPENAI_API_KEY、ANTHROPIC_API_KEY、ZHIPU_API_KEY）。'],
    }),
  },
  AUTH_SCHEME_MISMATCH: {
    example: { url: 'https://api.anthropic.com/v1/models', status: 401, credential: 'sk-ant-…Xw2A', sentAs: 'Bearer (Authorization header)', serverWants: ['x-api-key'], providerMessage: 'x-api-key header is required' },
    en: (e) => ({
      title: 'The credential was sent the wrong way for this API',
      detail: `The key went as ${ev(e, 'sentAs')}, but the server ${has(e, 'serverWants') ? `asks for ${ev(e, 'serverWants')}` : 'did not find it where it looks'}.${said(e, false)}${has(e, 'realm') ? ` Realm: ${ev(e, 'realm')}.` : ''}`,
      fixes: ['Send it where the API expects it: OpenAI/Zhipu: Authorization: Bearer <key>; Anthropic: x-api-key: <key>; Azure OpenAI: api-key: <key>.', 'Here: --auth bearer | basic | header:<Name> | query:<param>, or --provider to use the provider\'s placement.'],
    }),
    'zh-CN': (e) => ({
      title: '凭据的传递方式与该 API 要求不符',
      detail: `密钥以 ${sentAsZh(e)} 方式发送，但服务器${has(e, 'serverWants') ? `要求的是 ${ev(e, 'serverWants')}` : '没有在它查找的位置找到凭据'}。${said(e, true)}${has(e, 'realm') ? `Realm：${ev(e, 'realm')}。` : ''}`,
      fixes: ['按 API 要求的方式发送：OpenAI/智谱：Authorization: Bearer <key>；Anthropic：x-api-key: <key>；Azure OpenAI：api-key: <key>。', '在本工具中：--auth bearer | basic | header:<Name> | query:<param>，或用 --provider 采用该服务商的方式。'],
    }),
  },
  AUTH_FORBIDDEN: {
    example: { url: 'https://api.openai.com/v1/chat/completions', status: 403, reason: 'Country, region, or territory not supported', providerCode: 'unsupported_country_region_territory', credentialSent: true, credential: 'sk-proj-…9f2c', sentAs: 'Bearer (Authorization header)', requestId: 'x-request-id: req_77ab' },
    // What was sent decides the wording: with no credential the server cannot know who you are.
    en: (e) =>
      e.credentialSent === false
        ? {
            title: 'Refused (403), and no credential was sent',
            detail: `The server refused the call: "${ev(e, 'reason')}". No credential went with it${has(e, 'withheld') ? ` (${ev(e, 'withheld')})` : ''}, so this says nothing about whether a key would be accepted.${rid(e, false)}`,
            fixes: ['Give the credential: --credential NAME (saved key), --token-env VAR, or -H with the header the API expects.', 'If a credential was withheld, fix the reason given first (certificate, expired token, key for another provider).', 'If the API needs no key here, the refusal is a permission, IP allow-list or region rule: check the reason the server gave.'],
          }
        : {
            title: 'Refused (403): the credential was sent, but this call is not allowed',
            detail: `The server refused the call made with ${has(e, 'sentAs') ? ev(e, 'sentAs') : 'the credential'}${has(e, 'credential') ? ` (${ev(e, 'credential')})` : ''}: "${ev(e, 'reason')}".${has(e, 'providerMeaning') && !ownReading(e) ? ` (${ev(e, 'providerMeaning')})` : ''}${rid(e, false)} A 403 usually means the key was recognised but lacks permission. Typical reasons: the key's project lacks access to this model or endpoint, a missing scope, an IP allow-list, or a region the provider does not serve.`,
            fixes: ['Check the key\'s permissions/scopes and the project\'s model access in the provider console.', 'If the reason is your region or network: use the provider\'s regional endpoint or an approved network; do not route around terms of service.', 'Quote the request id when asking the provider why.'],
          },
    'zh-CN': (e) =>
      e.credentialSent === false
        ? {
            title: '请求被拒绝（403），且未发送任何凭据',
            detail: `服务器拒绝了请求：“${reasonZh(e)}”。请求中没有携带凭据${has(e, 'withheld') ? `（${ev(e, 'withheld')}）` : ''}，因此无法据此判断密钥是否会被接受。${rid(e, true)}`,
            fixes: ['提供凭据：--credential NAME（已保存的密钥）、--token-env VAR，或用 -H 添加该 API 要求的请求头。', '如果凭据被扣留未发送，请先解决给出的原因（证书、令牌过期、密钥属于其他服务商）。', '如果该 API 此处无需密钥，则拒绝来自权限、IP 白名单或地区限制：请查看服务器给出的原因。'],
          }
        : {
            title: '请求被拒绝（403）：已发送凭据，但无权执行此调用',
            detail: `使用 ${has(e, 'sentAs') ? ev(e, 'sentAs') : '凭据'}${has(e, 'credential') ? `（${ev(e, 'credential')}）` : ''} 发出的请求被服务器拒绝：“${reasonZh(e)}”。${has(e, 'providerMeaningZh') && !ownReading(e) ? `（${ev(e, 'providerMeaningZh')}）` : ''}${rid(e, true)}403 通常表示密钥已被识别但权限不足。常见原因：密钥所属项目没有该模型或接口的权限、缺少 scope、IP 白名单限制，或服务商不支持所在地区。`,
            fixes: ['在服务商控制台检查密钥的权限/scope 以及项目的模型访问权限。', '如果原因是地区或网络：使用服务商的区域接入点或经批准的网络；不要违反服务条款绕行。', '向服务商咨询时请附上 request id。'],
          },
  },
  OAUTH_TOKEN_REQUEST_FAILED: {
    example: { tokenUrl: 'https://login.example.com/oauth2/token', status: 401, error: 'invalid_client', errorDescription: 'Client authentication failed' },
    en: (e) => ({
      title: `The OAuth token endpoint refused${has(e, 'error') ? `: ${ev(e, 'error')}` : ''}`,
      detail: has(e, 'networkError')
        ? `The token endpoint ${ev(e, 'tokenUrl')} could not be reached (${ev(e, 'networkError')}), so no access token was available for the call.`
        : `${ev(e, 'tokenUrl')} answered ${ev(e, 'status')}${has(e, 'error') ? ` with error "${ev(e, 'error')}"` : ''}${has(e, 'errorDescription') ? `: "${ev(e, 'errorDescription')}"` : ''}. Without a token the API call itself cannot be authorised.`,
      fixes: ['invalid_client: check the client id and secret (and that the secret has not expired or been rotated).', 'unauthorized_client / invalid_scope: the app registration must allow the client-credentials grant and the requested scope.', 'Check the token URL (tenant id, realm, /oauth2/token vs /oauth2/v2.0/token).'],
    }),
    'zh-CN': (e) => ({
      title: `OAuth 令牌接口拒绝了请求${has(e, 'error') ? `：${ev(e, 'error')}` : ''}`,
      detail: has(e, 'networkError')
        ? `无法连接令牌接口 ${ev(e, 'tokenUrl')}（${ev(e, 'networkError')}），因此调用时没有可用的访问令牌。`
        : `${ev(e, 'tokenUrl')} 返回 ${ev(e, 'status')}${has(e, 'error') ? `，错误 "${ev(e, 'error')}"` : ''}${has(e, 'errorDescription') ? `：“${ev(e, 'errorDescription')}”` : ''}。没有令牌，API 调用本身无法获得授权。`,
      fixes: ['invalid_client：检查 client id 和 secret（以及 secret 是否已过期或被轮换）。', 'unauthorized_client / invalid_scope：应用注册需允许 client credentials 授权方式及所请求的 scope。', '检查令牌地址（租户 id、realm、/oauth2/token 与 /oauth2/v2.0/token 的区别）。'],
    }),
  },
};

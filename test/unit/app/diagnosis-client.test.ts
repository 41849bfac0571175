import { describe, expect, it } from 'vitest';
import { parseDiagnosisRequest } from '../../../src-main/app/diagnosis-schema.js';
import { defaultRequest } from '../../../src-main/common/request.js';

describe('the app accepts the wizard’s client choice', () => {
  it('keeps a known client (it would be stripped otherwise) and refuses an unknown one', () => {
    const ok = parseDiagnosisRequest({ ...defaultRequest('https://api.example.com/v1/models'), client: 'python-httpx' });
    expect(ok.ok && ok.value.client).toBe('python-httpx');
    const none = parseDiagnosisRequest(defaultRequest('https://api.example.com/v1/models'));
    expect(none.ok && none.value.client).toBeUndefined();
    expect(parseDiagnosisRequest({ ...defaultRequest('https://api.example.com/v1/models'), client: 'lynx' }).ok).toBe(false);
  });
});

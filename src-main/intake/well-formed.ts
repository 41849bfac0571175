/**
 * Pasted text can hold lone UTF-16 surrogates (a broken copy, a fuzzer); encodeURIComponent
 * throws on them and so does everything built on it (the redactor's encodings). Replace them with
 * U+FFFD first: such a value can never go on the wire as it is anyway.
 */
export const wellFormed = (s: string): string => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

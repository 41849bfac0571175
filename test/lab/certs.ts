import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as never); // Node's WebCrypto is the Crypto the library expects; its typings differ in detail.

type CryptoKeyPair = webcrypto.CryptoKeyPair;

/** ECDSA P-256: key generation takes a millisecond, so every test makes its own PKI. */
const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 86_400_000;

export interface KeyCert {
  /** PEM of the certificate. */
  cert: string;
  /** PEM (PKCS#8) of the private key. */
  key: string;
  name: string;
  keys: CryptoKeyPair;
  x509: x509.X509Certificate;
}

export interface LeafOptions {
  /** DNS names (and IP addresses) the certificate covers. */
  names?: string[];
  /** Days relative to now: negative is the past. */
  fromDays?: number;
  toDays?: number;
}

const pem = (der: ArrayBuffer, label: string) => `-----BEGIN ${label}-----\n${Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END ${label}-----\n`;

let serial = 1;
const nextSerial = () => (serial++).toString(16).padStart(2, '0');

async function keyCert(cert: x509.X509Certificate, keys: CryptoKeyPair, name: string): Promise<KeyCert> {
  return { cert: cert.toString('pem') + '\n', key: pem(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey as webcrypto.CryptoKey), 'PRIVATE KEY'), name, keys, x509: cert };
}

const newKeys = () => webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;

/** A root CA (self-signed, CA:true). */
export async function makeRoot(cn = 'API Doctor Lab Root'): Promise<KeyCert> {
  const keys = await newKeys();
  const name = `CN=${cn}, O=API Doctor Lab`;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: nextSerial(),
    name,
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + 3650 * DAY),
    signingAlgorithm: ALG,
    keys,
    extensions: [new x509.BasicConstraintsExtension(true, undefined, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true), await x509.SubjectKeyIdentifierExtension.create(keys.publicKey)],
  });
  return keyCert(cert, keys, name);
}

/** An intermediate CA signed by `issuer`. */
export async function makeIntermediate(issuer: KeyCert, cn = 'API Doctor Lab Intermediate'): Promise<KeyCert> {
  const keys = await newKeys();
  const name = `CN=${cn}, O=API Doctor Lab`;
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: nextSerial(),
    subject: name,
    issuer: issuer.name,
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + 1825 * DAY),
    signingAlgorithm: ALG,
    publicKey: keys.publicKey,
    signingKey: issuer.keys.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(issuer.keys.publicKey),
    ],
  });
  return keyCert(cert, keys, name);
}

/** A server certificate for `names`, signed by `issuer` (or self-signed when issuer is null). */
export async function makeLeaf(issuer: KeyCert | null, opts: LeafOptions = {}): Promise<KeyCert> {
  const names = opts.names ?? ['localhost', '127.0.0.1', '::1'];
  const keys = await newKeys();
  const name = `CN=${names[0]}`;
  const san = names.map((n) => (/^[\d.]+$|:/.test(n) ? { type: 'ip' as const, value: n } : { type: 'dns' as const, value: n }));
  const common = {
    serialNumber: nextSerial(),
    notBefore: new Date(Date.now() + (opts.fromDays ?? -1) * DAY),
    notAfter: new Date(Date.now() + (opts.toDays ?? 90) * DAY),
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(san),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      ...(issuer ? [await x509.AuthorityKeyIdentifierExtension.create(issuer.keys.publicKey)] : []),
    ],
  };
  const cert = issuer
    ? await x509.X509CertificateGenerator.create({ ...common, subject: name, issuer: issuer.name, publicKey: keys.publicKey, signingKey: issuer.keys.privateKey })
    : await x509.X509CertificateGenerator.createSelfSigned({ ...common, name, keys });
  return keyCert(cert, keys, name);
}

import { generateKeyPairSync, randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import forge from 'node-forge';
import { KUBELET_CLIENT_CN } from '@skiff/domain';

export interface ServingPki {
  caCert: string;
  cert: string;
  key: string;
  /** The API's client certificate towards agents (kube-apiserver's kubelet client certificate). */
  kubeletClient: { cert: string; key: string };
}


function keyPair(): { forgeKey: forge.pki.rsa.PrivateKey; forgePub: forge.pki.rsa.PublicKey; pem: string } {
  // Node's native RSA generation is fast; forge only assembles and signs the certificates.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const forgeKey = forge.pki.privateKeyFromPem(pem);
  return { forgeKey, forgePub: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e), pem };
}

function serial(): string {
  // Positive, 16 bytes, as RFC 5280 wants.
  return '01' + randomBytes(15).toString('hex');
}

function createCa(): { cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey; keyPem: string } {
  const kp = keyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = kp.forgePub;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 10 * 365 * 24 * 3600_000);
  const subject = [{ name: 'commonName', value: 'skiff-ca' }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(kp.forgeKey, forge.md.sha256.create());
  return { cert, key: kp.forgeKey, keyPem: kp.pem };
}

/** A certificate signed by the cluster CA: for serving `hosts`, or (without hosts) a client certificate. */
function issue(ca: forge.pki.Certificate, caKey: forge.pki.rsa.PrivateKey, commonName: string, hosts?: string[]): { certPem: string; keyPem: string } {
  const kp = keyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = kp.forgePub;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 2 * 365 * 24 * 3600_000);
  cert.setSubject([{ name: 'commonName', value: commonName }]);
  cert.setIssuer(ca.subject.attributes);
  const usage = hosts
    ? [
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: hosts.map((h) => (/^[\d.]+$|:/.test(h) ? { type: 7, ip: h } : { type: 2, value: h })) },
      ]
    : [{ name: 'extKeyUsage', clientAuth: true }];
  cert.setExtensions([{ name: 'basicConstraints', cA: false }, { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true }, ...usage]);
  cert.sign(caKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: kp.pem };
}

/**
 * The cluster CA (made on first start, kept under `<home>/pki`) and a serving
 * certificate for the API's addresses, re-issued when the addresses change.
 */
export function ensureServingPki(home: string, extraHosts: string[] = []): ServingPki {
  const dir = path.join(home, 'pki');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const caCertFile = clusterCaFile(home);
  const caKeyFile = path.join(dir, 'ca.key');
  if (!fs.existsSync(caCertFile) || !fs.existsSync(caKeyFile)) {
    const ca = createCa();
    fs.writeFileSync(caKeyFile, ca.keyPem, { mode: 0o600 });
    fs.writeFileSync(caCertFile, forge.pki.certificateToPem(ca.cert));
  }
  const caCertPem = fs.readFileSync(caCertFile, 'utf8');
  const hosts = [...new Set(['127.0.0.1', 'localhost', '::1', os.hostname(), ...extraHosts])];
  const certFile = path.join(dir, 'apiserver.crt');
  const keyFile = path.join(dir, 'apiserver.key');
  const hostsFile = path.join(dir, 'apiserver.hosts');
  const wanted = hosts.join(',');
  const ca = () => ({ cert: forge.pki.certificateFromPem(caCertPem), key: forge.pki.privateKeyFromPem(fs.readFileSync(caKeyFile, 'utf8')) as forge.pki.rsa.PrivateKey });
  if (!fs.existsSync(certFile) || !fs.existsSync(keyFile) || readOr(hostsFile) !== wanted) {
    const { cert, key } = ca();
    const serving = issue(cert, key, 'skiff-apiserver', hosts);
    fs.writeFileSync(keyFile, serving.keyPem, { mode: 0o600 });
    fs.writeFileSync(certFile, serving.certPem);
    fs.writeFileSync(hostsFile, wanted);
  }
  const clientCertFile = path.join(dir, 'apiserver-kubelet-client.crt');
  const clientKeyFile = path.join(dir, 'apiserver-kubelet-client.key');
  if (!fs.existsSync(clientCertFile) || !fs.existsSync(clientKeyFile)) {
    const { cert, key } = ca();
    const client = issue(cert, key, KUBELET_CLIENT_CN);
    fs.writeFileSync(clientKeyFile, client.keyPem, { mode: 0o600 });
    fs.writeFileSync(clientCertFile, client.certPem);
  }
  return {
    caCert: caCertPem,
    cert: fs.readFileSync(certFile, 'utf8'),
    key: fs.readFileSync(keyFile, 'utf8'),
    kubeletClient: { cert: fs.readFileSync(clientCertFile, 'utf8'), key: fs.readFileSync(clientKeyFile, 'utf8') },
  };
}

/** Where ensureServingPki keeps the cluster CA certificate: what kubeconfigs tell clients to trust. */
export function clusterCaFile(home: string): string {
  return path.join(home, 'pki', 'ca.crt');
}

function readOr(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

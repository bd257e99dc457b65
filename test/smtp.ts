import net from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll } from 'vitest';
import { resetEnvForTests } from '../lib/env';

/** One received mail, decoded enough for assertions. */
export interface ReceivedMail {
  envelopeTo: string[];
  subject: string;
  text: string;
  html: string;
  raw: string;
}

const decodeQp = (s: string) => {
  const bytes: number[] = [];
  const body = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < body.length; i += 1) {
    if (body[i] === '=' && /^[0-9A-F]{2}$/i.test(body.slice(i + 1, i + 3))) {
      bytes.push(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(body[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
};

const decodeBody = (body: string, encoding = '') =>
  /base64/i.test(encoding) ? Buffer.from(body, 'base64').toString('utf8') : /quoted-printable/i.test(encoding) ? decodeQp(body) : body;

/** RFC 2047 encoded words; the space between two of them is not part of the text. */
const decodeWords = (value: string) =>
  value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_, kind: string, text: string) =>
      kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQp(text.replace(/_/g, ' ')),
    );

function splitPart(raw: string): { headers: Map<string, string>; body: string } {
  const at = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, at).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: raw.slice(at + 4) };
}

/** Subject, text and HTML of a message as nodemailer writes it (single part or multipart/alternative). */
export function parseMail(raw: string, envelopeTo: string[]): ReceivedMail {
  const { headers, body } = splitPart(raw);
  const mail: ReceivedMail = { envelopeTo, subject: decodeWords(headers.get('subject') ?? ''), text: '', html: '', raw };
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get('content-type') ?? '')?.[1];
  const parts = boundary ? body.split(`--${boundary}`).slice(1, -1).map((p) => splitPart(p.replace(/^\r\n/, ''))) : [{ headers, body }];
  for (const part of parts) {
    const type = part.headers.get('content-type') ?? 'text/plain';
    const content = decodeBody(part.body.replace(/\r\n$/, ''), part.headers.get('content-transfer-encoding'));
    if (type.startsWith('text/html')) mail.html = content;
    else if (type.startsWith('text/plain')) mail.text = content;
  }
  return mail;
}

/** A real SMTP server on a random loopback port, collecting what it receives. */
export async function startSmtpServer() {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push(parseMail(Buffer.concat(chunks).toString('utf8'), session.envelope.rcptTo.map((r) => r.address)));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as net.AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** An address where nothing listens: connecting is refused at once. */
export async function deadSmtpUrl(): Promise<string> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `smtp://127.0.0.1:${port}`;
}

/** Sets environment variables (undefined removes one) and makes `env()` read them again. */
export function setEnv(values: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnvForTests();
}

/** The test file's SMTP server, with e-mail configured to use it; read `.server` inside tests. */
export function useSmtpServer(extra: Record<string, string | undefined> = {}) {
  let server: Awaited<ReturnType<typeof startSmtpServer>> | undefined;
  const saved = { ...process.env };
  beforeAll(async () => {
    server = await startSmtpServer();
    setEnv({ SMTP_URL: server.url, MAIL_FROM: 'Docket <docket@city.example>', APP_URL: 'https://docket.city.example', ...extra });
  });
  afterAll(async () => {
    await server?.close();
    for (const key of ['SMTP_URL', 'MAIL_FROM', 'APP_URL', ...Object.keys(extra)]) setEnv({ [key]: saved[key] });
  });
  return {
    get server() {
      if (!server) throw new Error('useSmtpServer: the server is not ready yet');
      return server;
    },
  };
}

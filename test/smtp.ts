/** A real SMTP server on loopback for tests: it keeps what it receives (the mailer awaits delivery, so no waiting is needed). */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** the envelope's recipients (RCPT TO) */
  envelopeTo: string[];
  mail: ParsedMail;
}

export interface LoopbackSmtp {
  server: SMTPServer;
  port: number;
  received: ReceivedMail[];
  /** smtp://127.0.0.1:PORT, for SMTP_URL */
  url: string;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<LoopbackSmtp> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { server, port, received, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

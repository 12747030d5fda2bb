/**
 * Outgoing mail. Every message is recorded in the `mail_outbox` table.
 * - With SMTP_URL: sent through nodemailer, and marked sent (or its error kept).
 * - Without (the embedded default): written as an .eml file under <data>/outbox, where administrators
 *   read it in Management → Outbox, so that password reset works out of the box.
 */
import fs from 'node:fs';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Services } from '../../services.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  officeId: number | null;
  replyTo?: string;
  /** Sender when not the installation's MAIL_FROM (invoices from a dossier's own domain or "name via Argonaut"). */
  from?: string;
  attachments?: Array<{ filename: string; content: Buffer; contentType: string }>;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<{ outboxId: number; delivered: boolean }>;
  close(): Promise<void>;
}

export function createMailer(services: Pick<Services, 'db' | 'config' | 'clock'>): Mailer {
  const { config } = services;
  let smtp: Transporter | undefined;
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  return {
    async send(mail) {
      const message = { from: mail.from ?? config.mailFrom, to: mail.to, subject: mail.subject, text: mail.text, replyTo: mail.replyTo, attachments: mail.attachments };
      const inserted = await services.db
        .insertInto('mail_outbox')
        .values({ office_id: mail.officeId, to_address: mail.to, subject: mail.subject, body_text: mail.text, eml_path: null, sent_at: null, error: null })
        .returning('id')
        .executeTakeFirstOrThrow();

      if (config.smtpUrl) {
        smtp ??= nodemailer.createTransport(config.smtpUrl);
        try {
          await smtp.sendMail(message);
          await services.db.updateTable('mail_outbox').set({ sent_at: services.clock.now() }).where('id', '=', inserted.id).execute();
          return { outboxId: inserted.id, delivered: true };
        } catch (err) {
          await services.db.updateTable('mail_outbox').set({ error: (err as Error).message }).where('id', '=', inserted.id).execute();
          return { outboxId: inserted.id, delivered: false };
        }
      }

      const info = await composer.sendMail(message);
      const dir = path.join(config.dataDir, 'outbox');
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${String(inserted.id).padStart(6, '0')}.eml`);
      fs.writeFileSync(file, info.message as Buffer);
      await services.db.updateTable('mail_outbox').set({ eml_path: file }).where('id', '=', inserted.id).execute();
      return { outboxId: inserted.id, delivered: false };
    },
    async close() {
      smtp?.close();
    },
  };
}

/**
 * The access-point interface: how Argonaut hands documents to a Peppol access point and takes received
 * ones from it. The file transport works with any access point that reads and writes folders:
 * outgoing SBDH-wrapped documents are written to the outbox folder (PEPPOL_OUTBOX_DIR), incoming
 * documents (SBDH-wrapped or bare UBL) are taken from the inbox folder (PEPPOL_INBOX_DIR); a taken file
 * moves to `processed/` — or to `failed/` with a `.reason.txt` beside it. A native AS4 access point
 * can implement the same interface later.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export interface OutgoingMessage {
  /** Unique id of the message (the SBDH InstanceIdentifier). */
  messageId: string;
  sender: string;
  receiver: string;
  /** The SBDH-wrapped document. */
  content: string;
}

export interface IncomingMessage {
  /** Where it came from (the file name in the inbox folder). */
  name: string;
  content: string;
}

export interface AccessPoint {
  readonly name: string;
  send(message: OutgoingMessage): Promise<{ location: string }>;
  /** Messages waiting, oldest first. */
  receive(): Promise<IncomingMessage[]>;
  /** After the message was stored (or refused): it is not offered again. */
  acknowledge(message: IncomingMessage, outcome: { ok: true } | { ok: false; reason: string }): Promise<void>;
}

const safeName = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120);

export class FileAccessPoint implements AccessPoint {
  readonly name = 'file';
  constructor(
    readonly outboxDir: string,
    readonly inboxDir: string,
  ) {}

  async send(message: OutgoingMessage): Promise<{ location: string }> {
    await fs.mkdir(this.outboxDir, { recursive: true });
    const file = path.join(this.outboxDir, `${safeName(message.messageId)}.xml`);
    // write under a temporary name, then rename: the access point never sees half a file
    const tmp = path.join(this.outboxDir, `.${safeName(message.messageId)}.${crypto.randomBytes(4).toString('hex')}.tmp`);
    await fs.writeFile(tmp, message.content, 'utf8');
    await fs.rename(tmp, file);
    return { location: file };
  }

  async receive(): Promise<IncomingMessage[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.inboxDir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    const out: Array<IncomingMessage & { mtime: number }> = [];
    for (const name of names) {
      if (name.startsWith('.') || !/\.xml$/i.test(name)) continue;
      const full = path.join(this.inboxDir, name);
      const stat = await fs.stat(full);
      if (!stat.isFile()) continue;
      out.push({ name, content: await fs.readFile(full, 'utf8'), mtime: stat.mtimeMs });
    }
    return out.sort((a, b) => a.mtime - b.mtime || a.name.localeCompare(b.name)).map(({ name, content }) => ({ name, content }));
  }

  async acknowledge(message: IncomingMessage, outcome: { ok: true } | { ok: false; reason: string }): Promise<void> {
    const dir = path.join(this.inboxDir, outcome.ok ? 'processed' : 'failed');
    await fs.mkdir(dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const target = path.join(dir, `${stamp}_${message.name}`);
    await fs.rename(path.join(this.inboxDir, message.name), target);
    if (!outcome.ok) await fs.writeFile(`${target}.reason.txt`, `${outcome.reason}\n`, 'utf8');
  }
}

// The mail transports the outbox worker delivers through: SMTP (SMTP_URL, pooled connections) or, when SMTP_URL is
// unset, the local outbox — one .eml file per message under <data folder>/outbox, named by the message's id so a
// retry rewrites the same file. In-memory data folders (tests) keep local mail in `sentMail` instead.
import fs from "node:fs";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { dataDir, env } from "./env.server";
import { singleton } from "./singleton.server";

export type OutgoingMail = {
  /** Our row id: names the .eml file. */
  id: string;
  from: string;
  to: string;
  replyTo?: string | null;
  subject: string;
  text: string;
  html?: string | null;
  /** The RFC 5322 Message-ID, "<…@…>". */
  messageId: string;
  inReplyTo?: string | null;
  automated?: boolean;
  /** An invitation's iCalendar part (iMIP): sent as a text/calendar alternative with this method. */
  calendar?: { method: string; content: string } | null;
};

export type SentMail = OutgoingMail & { raw: string };

export type MailTransport = {
  /** "smtp" sends for real; "local" keeps the mail for staff to read. */
  kind: "smtp" | "local";
  send(mail: OutgoingMail): Promise<{ response: string }>;
  close(): void;
};

/** Mail "sent" while the data folder is in memory (tests read it). */
export const sentMail: SentMail[] = singleton("sentMail", () => []);

function nodemailerMessage(mail: OutgoingMail) {
  return {
    from: mail.from,
    to: mail.to,
    replyTo: mail.replyTo ?? undefined,
    subject: mail.subject,
    text: mail.text,
    html: mail.html ?? undefined,
    messageId: mail.messageId,
    inReplyTo: mail.inReplyTo ?? undefined,
    references: mail.inReplyTo ?? undefined,
    // RFC 3834: tells auto-responders not to answer automated mail.
    headers: mail.automated ? { "Auto-Submitted": "auto-generated" } : undefined,
    // RFC 6047: calendars read the text/calendar alternative (method=REQUEST or CANCEL) as the invitation itself.
    icalEvent: mail.calendar
      ? { method: mail.calendar.method, content: mail.calendar.content, filename: "invite.ics" }
      : undefined,
  };
}

/** SMTP through a connection pool, so a batch does not pay a handshake per message. */
export function smtpTransport(url: string, maxConnections = 5): MailTransport {
  const pooled = new URL(url);
  pooled.searchParams.set("pool", "true");
  pooled.searchParams.set("maxConnections", String(maxConnections));
  const transporter: Transporter = nodemailer.createTransport(pooled.toString());
  return {
    kind: "smtp",
    async send(mail) {
      const info = await transporter.sendMail(nodemailerMessage(mail));
      return { response: info.response ?? "accepted" };
    },
    close: () => transporter.close(),
  };
}

export function localOutboxDir(): string | null {
  return dataDir.startsWith("memory://") ? null : path.join(dataDir, "outbox");
}

export function localOutboxTransport(dir: string | null = localOutboxDir()): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    kind: "local",
    async send(mail) {
      const info = await transporter.sendMail(nodemailerMessage(mail));
      const raw = (info as unknown as { message: Buffer }).message.toString("utf8");
      if (dir) {
        fs.mkdirSync(dir, { recursive: true });
        const file = path.join(dir, `${mail.id.replace(/[^\w-]/g, "")}.eml`);
        fs.writeFileSync(`${file}.tmp`, raw);
        fs.renameSync(`${file}.tmp`, file);
        return { response: `written to ${file}` };
      }
      sentMail.push({ ...mail, raw });
      return { response: "kept in memory" };
    },
    close: () => transporter.close(),
  };
}

/** The transport the configuration asks for. */
export function configuredTransport(): MailTransport {
  return env.SMTP_URL ? smtpTransport(env.SMTP_URL) : localOutboxTransport();
}

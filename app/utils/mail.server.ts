// Sending email: through nodemailer to SMTP_URL, or, when it is unset, into the local outbox folder as .eml files
// (data/outbox) that staff can open. In-memory data folders (tests) keep sent mail in `sentMail` instead.
import fs from "node:fs";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { dataDir, env } from "./env.server";
import { singleton } from "./singleton.server";

export type OutgoingMail = { to: string; subject: string; text: string; html?: string };
export type SentMail = OutgoingMail & { messageId: string; raw: string };

/** Mail "sent" while the data folder is in memory (tests read it). */
export const sentMail: SentMail[] = singleton("sentMail", () => []);

const transport = singleton<Transporter>("mailTransport", () =>
  env.SMTP_URL
    ? nodemailer.createTransport(env.SMTP_URL)
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" }),
);

export function outboxDir(): string | null {
  return dataDir.startsWith("memory://") ? null : path.join(dataDir, "outbox");
}

export async function sendMail(mail: OutgoingMail): Promise<{ messageId: string }> {
  const info = await transport.sendMail({ from: env.MAIL_FROM, ...mail });
  if (env.SMTP_URL) return { messageId: info.messageId };
  const raw = (info as unknown as { message: Buffer }).message.toString("utf8");
  const dir = outboxDir();
  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${info.messageId.replace(/[^\w.-]/g, "")}.eml`;
    fs.writeFileSync(path.join(dir, name), raw);
  } else {
    sentMail.push({ ...mail, messageId: info.messageId, raw });
  }
  return { messageId: info.messageId };
}

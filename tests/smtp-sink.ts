// A real SMTP server on loopback (smtp-server) that keeps every message it accepts, for delivery tests and the
// outbox benchmark. It can refuse recipients permanently (5xx), answer "try later" (4xx), or be stopped and started
// again on the same port to play an outage.
import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";

export type ReceivedMail = { from: string; to: string[]; raw: string };

export type SmtpSink = {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** Recipients answered 550 (permanent). */
  refuse: Set<string>;
  /** While true, every message is answered 451 (temporary). */
  busy: { value: boolean };
  /** Milliseconds each accepted message takes, to keep messages in flight. */
  delayMs: { value: number };
  stop(): Promise<void>;
  /** Listens again on the same port. */
  restart(): Promise<void>;
};

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const refuse = new Set<string>();
  const busy = { value: false };
  const delayMs = { value: 0 };
  const options: SMTPServerOptions = {
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    // Stopping (an outage) drops open pooled connections at once instead of waiting 30 s for them.
    closeTimeout: 50,
    onRcptTo(address, _session, callback) {
      if (refuse.has(address.address.toLowerCase())) return callback(smtpError("No such user here", 550));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (busy.value) return callback(smtpError("Try again later", 451));
        const accept = () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            raw: Buffer.concat(chunks).toString("utf8"),
          });
          callback();
        };
        if (delayMs.value > 0) setTimeout(accept, delayMs.value);
        else accept();
      });
    },
  };
  // A client that dies mid-conversation (the crash test kills one) resets its connection: expected, not a failure.
  const create = () => {
    const created = new SMTPServer(options);
    created.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "ECONNRESET") console.error("The test SMTP server failed:", error);
    });
    return created;
  };
  let server = create();
  const listen = (on: number) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(on, "127.0.0.1", () => resolve((server.server.address() as AddressInfo).port));
    });
  const actualPort = await listen(port);
  return {
    url: `smtp://127.0.0.1:${actualPort}`,
    port: actualPort,
    received,
    refuse,
    busy,
    delayMs,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    async restart() {
      server = create();
      await listen(actualPort);
    },
  };
}

/** A header of a raw message, unfolded. */
export function header(raw: string, name: string): string | null {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
  const line = head.split(/\r?\n/).find((candidate) => candidate.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? line.slice(name.length + 1).trim() : null;
}

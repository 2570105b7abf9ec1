// The built-in SMTP receiver for candidate replies and captured staff email (INBOUND_SMTP_PORT): takes mail for the
// reply domain and files it the way POST /api/v1/inbound/email does, with the envelope recipients (RCPT TO) it was
// delivered to, since a Bcc recipient such as the capture address appears in no header. It sits behind the organisation's mail server or on loopback, so it asks
// for no AUTH and offers no TLS; it relays nothing, it only stores.
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";
import { MAX_INBOUND_BYTES } from "~/domain/inbound/parse";
import { bareAddress, domainOf } from "~/domain/messages/addresses";
import { receiveInboundEmail } from "~/models/inbound.server";
import { env } from "~/platform/env.server";
import { replyDomain } from "~/platform/mail-addresses.server";
import { countInboundMail, inboundMailResult } from "~/platform/prometheus.server";
import { logger } from "~/platform/log.server";

const log = logger.child({ worker: "inbound-smtp" });

type SmtpError = Error & { responseCode: number };

function smtpError(responseCode: number, message: string): SmtpError {
  return Object.assign(new Error(message), { responseCode });
}

export type InboundSmtpOptions = {
  port: number;
  host?: string;
  /** Recipients must be at this domain (default: the reply domain). */
  domain?: string;
};

export type InboundSmtpReceiver = { port: number; stop(): Promise<void> };

function collect(stream: SMTPServerDataStream, session: SMTPServerSession, done: (error?: Error, id?: string) => void) {
  const chunks: Buffer[] = [];
  let size = 0;
  stream.on("data", (chunk: Buffer) => {
    size += chunk.length;
    // Past the limit the rest is read and dropped, so the client still gets its 552 at the end of DATA.
    if (size <= MAX_INBOUND_BYTES) chunks.push(chunk);
  });
  stream.on("error", (error) => done(smtpError(451, `4.3.0 Reading the message failed: ${error.message}`)));
  stream.on("end", () => {
    if (stream.sizeExceeded || size > MAX_INBOUND_BYTES) {
      done(smtpError(552, `5.3.4 The message is larger than ${MAX_INBOUND_BYTES / 1024 / 1024} MB.`));
      return;
    }
    const envelopeRecipients = session.envelope.rcptTo.map((recipient) => recipient.address);
    receiveInboundEmail(Buffer.concat(chunks), { envelopeRecipients }).then(
      (result) => {
        countInboundMail("smtp", inboundMailResult(result));
        if (result.ok) done(undefined, result.receipt.id);
        else done(smtpError(result.error.code === "too_large" ? 552 : 554, `5.6.0 ${result.error.message}`));
      },
      (error: unknown) => {
        countInboundMail("smtp", "failed");
        log.error({ err: error }, "Storing an inbound email failed; the sender will retry");
        done(smtpError(451, "4.3.0 Temporary failure; please try again later."));
      },
    );
  });
}

/** Starts the receiver (port 0: any free port). Resolves once it listens. */
export function startInboundSmtp(options: InboundSmtpOptions): Promise<InboundSmtpReceiver> {
  const domain = (options.domain ?? replyDomain()).toLowerCase();
  const server = new SMTPServer({
    name: domain,
    banner: "Hearback inbound mail",
    size: MAX_INBOUND_BYTES,
    rejectOversized: true,
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    disableReverseLookup: true,
    logger: false,
    // On shutdown a sender mid-transfer gets 421 after this and retries later; the database closes right after.
    closeTimeout: 5_000,
    onRcptTo(address, _session, callback) {
      if (domainOf(bareAddress(address.address)) !== domain) {
        callback(smtpError(550, `5.1.1 This server only accepts mail for @${domain}.`));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      collect(stream, session, (error, id) => (error ? callback(error) : callback(null, `2.0.0 Received as ${id}`)));
    },
  });
  server.on("error", (error) => log.error({ err: error }, "The inbound SMTP receiver failed"));
  return new Promise((resolve, reject) => {
    const onListenError = (error: Error) => reject(error);
    server.server.once("error", onListenError);
    server.listen(options.port, options.host ?? env.HOST, () => {
      server.server.off("error", onListenError);
      const address = server.server.address();
      const port = typeof address === "object" && address ? address.port : options.port;
      resolve({ port, stop: () => new Promise<void>((closed) => server.close(() => closed())) });
    });
  });
}

/** Starts the receiver when INBOUND_SMTP_PORT is set; returns the function that stops it (a no-op otherwise). */
export async function startInboundSmtpFromEnv(): Promise<() => Promise<void>> {
  if (!env.INBOUND_SMTP_PORT) return async () => undefined;
  const receiver = await startInboundSmtp({ port: env.INBOUND_SMTP_PORT });
  log.info(
    { port: receiver.port },
    `Receiving candidate replies by SMTP on port ${receiver.port} (mail for @${replyDomain()})`,
  );
  return receiver.stop;
}

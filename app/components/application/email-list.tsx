// The candidate's emails on the application page: what went out, what waits (with when), and what failed (with
// why), each with the action that fits — cancel a waiting email, send a failed one again. Plain forms.
import { Form, Link } from "@remix-run/react";
import { Badge } from "~/components/ui/badge";
import { DateTime } from "~/components/ui/date-time";
import { TEMPLATE_KIND_LABELS } from "~/domain/templates/kinds";
import type { MessageListItem } from "~/models/outbox/compose.server";

export const MESSAGE_STATUS_LABELS: Record<MessageListItem["status"], string> = {
  queued: "Waiting to send",
  sending: "Sending",
  sent: "Sent",
  failed: "Not delivered",
  cancelled: "Cancelled",
  received: "Received",
  unmatched: "Unfiled",
};

const TONES: Partial<Record<MessageListItem["status"], "success" | "danger" | "warning" | "primary">> = {
  queued: "primary",
  sending: "primary",
  sent: "success",
  failed: "danger",
  received: "success",
};

export function MessageStatusBadge({ status }: { status: MessageListItem["status"] }) {
  return <Badge tone={TONES[status]}>{MESSAGE_STATUS_LABELS[status]}</Badge>;
}

function When({ message, timeZone }: { message: MessageListItem; timeZone: string }) {
  if (message.sentAt) return <DateTime value={message.sentAt} timeZone={timeZone} />;
  if (message.receivedAt) return <DateTime value={message.receivedAt} timeZone={timeZone} />;
  if (message.status === "queued" && message.scheduledFor) {
    return (
      <>
        goes out <DateTime value={message.scheduledFor} timeZone={timeZone} />
      </>
    );
  }
  return <DateTime value={message.createdAt} timeZone={timeZone} />;
}

export function EmailList({
  messages,
  timeZone,
  canChange,
}: {
  messages: MessageListItem[];
  timeZone: string;
  canChange: boolean;
}) {
  if (messages.length === 0) return <p className="muted">No emails yet.</p>;
  return (
    <ul className="message-list">
      {messages.map((message) => (
        <li key={message.id} className="message-item">
          <div className="message-item__meta">
            <MessageStatusBadge status={message.status} />
            <span className="small">
              <When message={message} timeZone={timeZone} />
            </span>
          </div>
          <p>
            <Link to={`/outbox/${message.id}`}>{message.subject}</Link>
            <br />
            <span className="muted small">
              {message.direction === "inbound"
                ? `From ${message.fromAddress}`
                : `${message.kind ? TEMPLATE_KIND_LABELS[message.kind] : "Message"}${
                    message.templateVersion ? ` · template version ${message.templateVersion}` : ""
                  }${message.automated ? " · automatic" : message.createdBy ? ` · by ${message.createdBy.name}` : ""}`}
            </span>
          </p>
          {message.status === "failed" && message.lastError ? (
            <p className="small">
              Why: {message.lastError} ({message.attempts} {message.attempts === 1 ? "attempt" : "attempts"})
            </p>
          ) : null}
          {canChange && (message.status === "queued" || message.status === "failed") ? (
            <div className="row">
              {message.status === "failed" ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="retry-message" />
                  <input type="hidden" name="messageId" value={message.id} />
                  <button type="submit" className="button button--small">
                    Send again
                  </button>
                </Form>
              ) : null}
              <Form method="post">
                <input type="hidden" name="intent" value="cancel-message" />
                <input type="hidden" name="messageId" value={message.id} />
                <button type="submit" className="button button--small button--secondary">
                  Cancel this email
                </button>
              </Form>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

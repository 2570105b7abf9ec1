// The chat channels on Settings → Chat alerts: each with its kind, scope, URL hint, what it gets, whether it is on (or
// when and why the outbox turned it off), its last delivery, and its forms: test message, what it gets, turn on
// again, delete. Every form is a plain post.
import { Form } from "@remix-run/react";
import { Badge } from "~/components/ui/badge";
import { DateTime } from "~/components/ui/date-time";
import { CHAT_KIND_LABELS, type ChatKind } from "~/domain/chat-alerts/message";

export type ChannelRow = {
  id: string;
  kind: ChatKind;
  urlHint: string;
  job: { id: string; title: string } | null;
  overdueAlerts: boolean;
  weeklyDigest: boolean;
  disabledAt: string | Date | null;
  disabledReason: string | null;
  failingSince: string | Date | null;
  lastDeliveredAt: string | Date | null;
  lastDelivery: {
    status: "queued" | "sending" | "delivered" | "failed";
    createdAt: string | Date;
    lastStatusCode: number | null;
    lastError: string | null;
  } | null;
};

function gets(channel: ChannelRow): string {
  const parts = [channel.overdueAlerts ? "Overdue alerts" : null, channel.weeklyDigest ? "the Monday digest" : null];
  const text = parts.filter(Boolean).join(" and ");
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : "Nothing (both turned off)";
}

const STATUS_WORDS = { queued: "waiting to be sent", sending: "being sent", delivered: "delivered", failed: "failed" };

function LastDelivery({ channel, timeZone }: { channel: ChannelRow; timeZone: string }) {
  const last = channel.lastDelivery;
  if (!last) return <>None yet</>;
  const answer = last.lastStatusCode ? ` (HTTP ${last.lastStatusCode})` : "";
  return (
    <>
      <DateTime value={last.createdAt} timeZone={timeZone} />:{" "}
      {last.status === "queued" && last.lastError ? "failed, to be tried again" : STATUS_WORDS[last.status]}
      {last.status === "delivered" ? null : answer}
      {last.lastError && last.status !== "delivered" ? (
        <span className="chat-channel__error"> · {last.lastError}</span>
      ) : null}
    </>
  );
}

function KindMark({ kind }: { kind: ChatKind }) {
  return (
    <span className={`chat-kind chat-kind--${kind}`} aria-hidden="true">
      {kind === "slack" ? "#" : "T"}
    </span>
  );
}

export function ChannelList({ channels, timeZone }: { channels: ChannelRow[]; timeZone: string }) {
  if (channels.length === 0) return <p className="muted">No channels yet.</p>;
  return (
    <ul className="plain-list chat-channels">
      {channels.map((channel) => {
        const scope = channel.job ? channel.job.title : "The whole workspace";
        const name = `${CHAT_KIND_LABELS[channel.kind]}, ${channel.job ? channel.job.title : "whole workspace"}`;
        return (
          <li key={channel.id} className="chat-channel">
            <h3 className="chat-channel__title">
              <KindMark kind={channel.kind} /> {CHAT_KIND_LABELS[channel.kind]}
              <span className="chat-channel__scope"> · {scope}</span>{" "}
              {channel.disabledAt ? (
                <Badge tone="danger">Turned off</Badge>
              ) : channel.failingSince ? (
                <Badge tone="warning">Failing</Badge>
              ) : (
                <Badge tone="success">Active</Badge>
              )}
            </h3>
            <dl className="details">
              <dt>Address</dt>
              <dd>
                <code>{channel.urlHint}</code>
              </dd>
              <dt>Gets</dt>
              <dd>{gets(channel)}</dd>
              <dt>State</dt>
              <dd>
                {channel.disabledAt ? (
                  <>
                    Turned off on <DateTime value={channel.disabledAt} timeZone={timeZone} />
                    {channel.disabledReason ? `: ${channel.disabledReason}` : ""}. Nothing is sent until it is turned on
                    again; what waited is sent then.
                  </>
                ) : channel.failingSince ? (
                  <>
                    Failing since <DateTime value={channel.failingSince} timeZone={timeZone} />; Hearback keeps trying
                    and turns it off after a day.
                  </>
                ) : (
                  "Active"
                )}
              </dd>
              <dt>Last message</dt>
              <dd>
                <LastDelivery channel={channel} timeZone={timeZone} />
              </dd>
            </dl>
            <div className="chat-channel__actions">
              {channel.disabledAt ? (
                <Form method="post">
                  <input type="hidden" name="channelId" value={channel.id} />
                  <button type="submit" name="intent" value="enable" className="button button--small">
                    Turn on again<span className="visually-hidden"> ({name})</span>
                  </button>
                </Form>
              ) : null}
              <Form method="post">
                <input type="hidden" name="channelId" value={channel.id} />
                <button type="submit" name="intent" value="test" className="button button--secondary button--small">
                  Send a test message<span className="visually-hidden"> ({name})</span>
                </button>
              </Form>
            </div>
            <details className="disclosure">
              <summary>
                Change what it gets<span className="visually-hidden"> ({name})</span>
              </summary>
              <Form method="post" className="disclosure__body">
                <input type="hidden" name="channelId" value={channel.id} />
                <label className="checkbox">
                  <input type="checkbox" name="overdueAlerts" defaultChecked={channel.overdueAlerts} />
                  <span>Overdue alerts</span>
                </label>
                <label className="checkbox">
                  <input type="checkbox" name="weeklyDigest" defaultChecked={channel.weeklyDigest} />
                  <span>The Monday digest</span>
                </label>
                <button type="submit" name="intent" value="options" className="button button--small">
                  Save
                </button>
              </Form>
            </details>
            <details className="disclosure">
              <summary>
                Delete…<span className="visually-hidden"> ({name})</span>
              </summary>
              <Form method="post" className="disclosure__body">
                <input type="hidden" name="channelId" value={channel.id} />
                <p className="small">
                  Hearback stops posting to this channel at once; messages waiting for it are dropped. The channel
                  itself stays in {CHAT_KIND_LABELS[channel.kind]}.
                </p>
                <button type="submit" name="intent" value="delete" className="button button--danger button--small">
                  Delete this channel
                </button>
              </Form>
            </details>
          </li>
        );
      })}
    </ul>
  );
}

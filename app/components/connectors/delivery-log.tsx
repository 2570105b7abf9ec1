// A connector's latest deliveries (newest first; a received one waits for the connector worker, which applies it
// within seconds) with a Retry button on each failed one that kept its body, and what the last retry did.
import { Form } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { DateTime } from "~/components/ui/date-time";
import type { DeliveryLogEntry } from "~/models/connectors/deliveries.server";
import type { WorkOutcome } from "~/models/connectors/work.server";

type Delivery = Pick<
  DeliveryLogEntry,
  "id" | "eventType" | "status" | "summary" | "error" | "attempts" | "receivedAt" | "retryable"
>;

const STATUS_BADGES = {
  received: <Badge tone="primary">Waiting</Badge>,
  applied: <Badge tone="success">Applied</Badge>,
  ignored: <Badge>Ignored</Badge>,
  failed: <Badge tone="danger">Failed</Badge>,
} as const;

/** What the retry did, in an alert. */
export function RetryOutcome({ retried }: { retried: WorkOutcome }) {
  switch (retried.outcome) {
    case "applied":
      return <Alert tone="success">Retried: applied. {retried.summary}</Alert>;
    case "ignored":
      return <Alert tone="info">Retried: ignored. {retried.summary}</Alert>;
    case "failed":
      return <Alert tone="error">Retried, and it failed again: {retried.error}</Alert>;
    case "received":
      return (
        <Alert tone="info">
          Retried: it waits for this connector’s other deliveries to be applied, within seconds. Reload to see how it
          went.
        </Alert>
      );
  }
}

export function DeliveryLog({
  deliveries,
  timeZone,
  busy,
}: {
  deliveries: Delivery[];
  timeZone: string;
  /** The delivery whose retry is on its way. */
  busy?: string;
}) {
  if (deliveries.length === 0) {
    return <p className="muted">Nothing received yet. Send a test from the ATS (see above).</p>;
  }
  return (
    <div className="table-wrap">
      <table className="table--stack">
        <thead>
          <tr>
            <th scope="col">Received</th>
            <th scope="col">Event</th>
            <th scope="col">Result</th>
            <th scope="col">What happened</th>
            <th scope="col" className="numeric">
              Attempts
            </th>
            <th scope="col">
              <span className="visually-hidden">Retry</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((delivery) => (
            <tr key={delivery.id}>
              <th scope="row">
                <DateTime value={delivery.receivedAt} timeZone={timeZone} />
              </th>
              <td data-label="Event">
                <code>{delivery.eventType}</code>
              </td>
              <td data-label="Result">{STATUS_BADGES[delivery.status]}</td>
              <td data-label="What happened" className="connector-text">
                {delivery.error ?? delivery.summary ?? ""}
              </td>
              <td data-label="Attempts" className="numeric">
                {delivery.attempts}
              </td>
              <td>
                {delivery.retryable ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="retry" />
                    <input type="hidden" name="deliveryId" value={delivery.id} />
                    <button
                      type="submit"
                      className="button button--secondary button--small"
                      disabled={busy === delivery.id}
                      aria-label={`Retry the ${delivery.eventType} delivery`}
                    >
                      Retry
                    </button>
                  </Form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

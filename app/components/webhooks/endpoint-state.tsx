// A webhook endpoint's state in words (active; failing since …; turned off on … with the reason) and the last answer
// it gave, for Settings → Webhooks and an endpoint's page.
import { Badge } from "~/components/ui/badge";
import { DateTime } from "~/components/ui/date-time";

type StateOf = {
  failingSince: Date | string | null;
  disabledAt: Date | string | null;
  disabledReason: string | null;
};

export function EndpointState({ endpoint, timeZone }: { endpoint: StateOf; timeZone: string }) {
  if (endpoint.disabledAt) {
    return (
      <>
        <Badge tone="danger">Turned off</Badge> on <DateTime value={endpoint.disabledAt} timeZone={timeZone} />
        {endpoint.disabledReason ? <span className="webhook-error"> — {endpoint.disabledReason}</span> : null}
      </>
    );
  }
  if (endpoint.failingSince) {
    return (
      <>
        <Badge tone="warning">Failing</Badge> since <DateTime value={endpoint.failingSince} timeZone={timeZone} />
      </>
    );
  }
  return <Badge tone="success">Active</Badge>;
}

export function LastAnswer({ statusCode, error }: { statusCode: number | null; error: string | null }) {
  if (statusCode === null && error === null) return <>None yet</>;
  return (
    <>
      {statusCode !== null ? <code>HTTP {statusCode}</code> : null}
      {statusCode !== null && error ? " · " : null}
      {error ? <span className="webhook-error">{error}</span> : null}
    </>
  );
}

// What an admin does in their ATS to connect it, per kind: where to click, how to send a test, and which of the ATS's
// own candidate emails to switch off for the emails mode chosen. Text only; the connector page lays it out.
import type { ReactNode } from "react";
import { Field } from "~/components/ui/field";
import type { ConnectorEmailMode, ConnectorKind } from "~/domain/connectors/events";

type Steps = { where: ReactNode; steps: ReactNode[] };

const SECRET_SHOWN_ONCE = "the secret Hearback showed when you added this connector";

function setupSteps(kind: ConnectorKind, url: ReactNode): Steps {
  switch (kind) {
    case "greenhouse":
      return {
        where: "In Greenhouse, as a user who may use the Dev Center:",
        steps: [
          <>
            Open <b>Configure</b> (the gear) → <b>Dev Center</b> → <b>Web Hooks</b> → <b>Web Hooks</b>.
          </>,
          <>
            Create one web hook for each event: <b>Candidate or Prospect applied</b>, <b>Candidate stage change</b>,{" "}
            <b>Reject candidate</b>, <b>Unreject candidate</b>, <b>Candidate hired</b> and <b>Delete candidate</b>.
          </>,
          <>
            In each, set <b>Endpoint URL</b> to {url} and <b>Secret key</b> to {SECRET_SHOWN_ONCE}.
          </>,
          "Save each web hook. Greenhouse sends nothing about what happened before the web hook existed.",
        ],
      };
    case "ashby":
      return {
        where: "In Ashby, as an admin:",
        steps: [
          <>
            Open <b>Admin</b> → <b>Integrations</b> → <b>Webhooks</b>.
          </>,
          <>
            Add a <b>New webhook</b> for each type: <code>applicationSubmit</code>, <code>candidateStageChange</code>,{" "}
            <code>candidateHire</code>, <code>applicationUpdate</code> and <code>candidateDelete</code>.
          </>,
          <>
            In each, set <b>Request URL</b> to {url} and <b>Secret token</b> to {SECRET_SHOWN_ONCE}.
          </>,
          "Save each webhook.",
        ],
      };
    case "lever":
      return {
        where: "In Lever, as a super admin:",
        steps: [
          <>
            <b>Settings</b> → <b>Integrations and API</b> → <b>API credentials</b>: the API key you gave Hearback needs
            read access to <b>opportunities</b>, <b>postings</b> and <b>archive reasons</b> (Lever’s webhooks carry ids
            only; Hearback reads the rest from its API).
          </>,
          <>
            <b>Settings</b> → <b>Integrations and API</b> → <b>Webhooks</b>: Lever shows a <b>signature token</b> for
            each webhook. Paste all of them into Hearback, separated by spaces (a token added later: replace the secret
            below with the full list).
          </>,
          <>
            Enable <b>Application created</b>, <b>Candidate stage change</b>, <b>Candidate archive state change</b>,{" "}
            <b>Candidate hired</b> and <b>Candidate deleted</b>, with {url} in each.
          </>,
        ],
      };
    case "webhook":
      return {
        where: "From your own system, or a Zapier, Make or n8n scenario:",
        steps: [
          <>
            POST JSON to {url}, signed per <a href="https://www.standardwebhooks.com/">Standard Webhooks</a> with{" "}
            {SECRET_SHOWN_ONCE}.
          </>,
          <>
            Send the headers <code>webhook-id</code> (unique per event: a repeat is applied once),{" "}
            <code>webhook-timestamp</code> (seconds; within 5 minutes of now) and <code>webhook-signature</code> (
            <code>v1,</code> and the base64 HMAC).
          </>,
          <>
            Name the event in <code>type</code>: <code>application.created</code>, <code>.stage_changed</code>,{" "}
            <code>.rejected</code>, <code>.unrejected</code>, <code>.hired</code>, <code>.withdrawn</code>, or{" "}
            <code>candidate.deleted</code>. Every field is described in <code>docs/connectors.md</code> in Hearback’s
            source; the body looks like the example below.
          </>,
        ],
      };
  }
}

/** A generic webhook's body, for the example under the steps. */
const GENERIC_EXAMPLE = JSON.stringify(
  {
    type: "application.created",
    data: {
      externalId: "a-1",
      candidate: { name: "Ada Lovelace", email: "ada@example.com" },
      job: { externalId: "j-1", title: "Engineer" },
      stage: { externalId: "s-1", name: "Applied" },
      occurredAt: "2026-12-01T09:00:00Z",
    },
  },
  null,
  2,
);

/** The heading over the steps. */
export function setupHeading(kind: ConnectorKind, label: string): string {
  return kind === "webhook" ? "Set up your sender" : `Set up ${label}`;
}

/** The numbered steps to take in the ATS; they point at the webhook URL shown above them. */
export function SetupSteps({ kind }: { kind: ConnectorKind }) {
  const { where, steps } = setupSteps(kind, <b>the webhook URL above</b>);
  return (
    <>
      <p>{where}</p>
      <ol>
        {steps.map((step, index) => (
          <li key={index}>{step}</li>
        ))}
      </ol>
      {kind === "webhook" ? (
        <Field label="An example body" hint="Read-only: copy it as a start.">
          <textarea
            readOnly
            className="connector-example"
            rows={GENERIC_EXAMPLE.split("\n").length + 2}
            value={GENERIC_EXAMPLE}
            spellCheck={false}
          />
        </Field>
      ) : null}
    </>
  );
}

const TEST_HINTS: Record<ConnectorKind, ReactNode> = {
  greenhouse: "Greenhouse pings the endpoint when you create a web hook: the ping shows below.",
  ashby: "Ashby pings the URL when you save a webhook: the ping shows below.",
  lever: (
    <>
      Press <b>Verify connection</b> next to the webhook in Lever.
    </>
  ),
  webhook: (
    <>
      Send one event with the curl example in <code>docs/connectors.md</code> (or your tool’s test run): it shows below
      with what it did.
    </>
  ),
};

export function TestHint({ kind }: { kind: ConnectorKind }) {
  return <p>{TEST_HINTS[kind]}</p>;
}

const ATS_OWN_EMAILS: Record<ConnectorKind, ReactNode> = {
  greenhouse: "the auto-reply on your job posts and the rejection email templates (and their sending on rejection)",
  ashby: "the application confirmation and rejection email automations",
  lever: "the application confirmation and the emails sent on archiving",
  webhook: "whatever your system sends candidates when they apply or are turned down",
};

/** Which candidate emails to switch off where, for the connector's emails mode. */
export function EmailsAdvice({ kind, emails }: { kind: ConnectorKind; emails: ConnectorEmailMode }) {
  return emails === "hearback" ? (
    <p>
      Hearback writes to candidates. In the ATS, switch off {ATS_OWN_EMAILS[kind]}, so no candidate gets two emails
      about one thing.
    </p>
  ) : (
    <p>
      The ATS writes to candidates: keep its emails on. Hearback sends nothing on its own, but its clocks still run, so
      when you write to a candidate from the ATS, log it on the application’s page in Hearback (
      <b>Record a past message</b>), or its clocks breach.
    </p>
  );
}

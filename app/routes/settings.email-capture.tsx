// Settings → Email capture: the workspace's private BCC address, how to add it in Gmail and Outlook, and replacing it.
// Admins and recruiters (the staff who see every job, as the inbox). Plain forms, so it works without JavaScript.
import {
  data,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { DateTime } from "~/components/ui/date-time";
import { Field } from "~/components/ui/field";
import { PageHeader } from "~/components/ui/page-header";
import { SettingsBreadcrumb } from "~/components/ui/settings-breadcrumb";
import { EMAIL_CAPTURE_PERMISSION } from "~/domain/permissions";
import { getEmailCapture, rotateEmailCapture } from "~/models/email-capture.server";
import captureStyles from "~/styles/email-capture.css?url";
import { requirePermission } from "~/web/auth.server";
import { defineIntent, dispatchIntent } from "~/web/intents.server";

export const meta: MetaFunction = () => [{ title: "Email capture · Hearback" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: captureStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, EMAIL_CAPTURE_PERMISSION);
  const capture = await getEmailCapture(user);
  return { address: capture.address, since: capture.since.toISOString(), timeZone: user.timeZone };
}

type ActionData = { intent: "rotate"; address: string };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, EMAIL_CAPTURE_PERMISSION);
  return dispatchIntent(await request.formData(), {
    intents: {
      rotate: defineIntent({
        run: async () => {
          const capture = await rotateEmailCapture(user);
          return data<ActionData>({ intent: "rotate", address: capture.address });
        },
      }),
    },
  });
}

export default function EmailCapturePage() {
  const { address, since, timeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <>
      <SettingsBreadcrumb />
      <PageHeader
        title="Email capture"
        description="Write to candidates from Gmail or Outlook and still keep every email on their application: add your team’s capture address as Bcc."
      />
      {actionData?.intent === "rotate" ? (
        <Alert tone="success">
          Made a new capture address. Emails sent to the old one are no longer filed: they wait in the{" "}
          <Link to="/inbox">Inbox</Link>. Update the address in your Bcc rules and tell your team.
        </Alert>
      ) : null}
      {address.endsWith("@localhost") ? (
        <Alert tone="warning">
          Mail cannot reach this address yet: set <code>INBOUND_EMAIL_DOMAIN</code> to a domain whose mail reaches
          Hearback (docs/email.md, “Replies”), then come back for the address to use.
        </Alert>
      ) : null}
      <div className="stack">
        <div className="grid-2">
          <section aria-labelledby="address-heading" className="card">
            <h2 id="address-heading">Your team’s capture address</h2>
            <Field
              label="Capture address"
              hint="Private to your team: anyone who has it can put emails on your candidates’ timelines."
            >
              <textarea
                className="capture-address"
                readOnly
                rows={2}
                value={address}
                spellCheck={false}
                onFocus={(event) => event.currentTarget.select()}
              />
            </Field>
            <p className="small muted">
              In use since <DateTime value={since} timeZone={timeZone} />.
            </p>
            <h3>What happens to a captured email</h3>
            <ul>
              <li>
                Sent from a Hearback team member’s own address to a candidate (in To or Cc): filed as sent, by that
                person, on each of the candidate’s open applications, at the time it was sent. It counts as a response,
                just like an email sent from Hearback, and is never sent again.
              </li>
              <li>Several candidates in one email: filed for each of them. Other recipients are ignored.</li>
              <li>
                To a candidate with no open application whose rejection they were not yet told: filed on that
                application, so it counts as telling them.
              </li>
              <li>
                From an address that is not a team member’s, or to nobody who is a candidate: kept in the{" "}
                <Link to="/inbox">Inbox</Link>, not filed.
              </li>
              <li>The same email arriving twice is filed once.</li>
            </ul>
          </section>
          <section aria-labelledby="setup-heading" className="card">
            <h2 id="setup-heading">Set it up</h2>
            <h3>Gmail</h3>
            <p>
              In a new email or reply, click <strong>Bcc</strong> at the right of the To line and paste the capture
              address.
            </p>
            <p>
              <strong>Every email, automatically (Google Workspace):</strong> an admin adds a routing rule under Admin
              console → Apps → Google Workspace → Gmail → <strong>Routing</strong>: messages affected “Outbound”, for
              the recruiters’ group, action “Add more recipients” with the capture address. The candidate does not see
              it.
            </p>
            <h3>Outlook</h3>
            <p>
              In a new email, choose <strong>Options → Bcc</strong> (Outlook on the web: <strong>Bcc</strong> at the
              right of the To line) and paste the capture address.
            </p>
            <p>
              <strong>Every email, automatically (Microsoft 365):</strong> an admin adds a mail flow rule in the
              Exchange admin center under Mail flow → <strong>Rules</strong>: apply it when the sender is a member of
              the recruiters’ group, action “Add recipients → to the Bcc box” with the capture address. Outlook’s own
              rules can only Cc, which candidates would see.
            </p>
            <p className="small muted">
              Always use Bcc, never To or Cc: candidates should not see the address, nor reply to it.
            </p>
          </section>
        </div>
        <section aria-labelledby="rotate-heading" className="card">
          <h2 id="rotate-heading">Replace the address</h2>
          <p>
            If the address has been shared with someone it should not have been, make a new one. The old address stops
            working at once: emails sent to it go to the Inbox and are not filed.
          </p>
          <details>
            <summary>Replace the capture address…</summary>
            <Form method="post">
              <input type="hidden" name="intent" value="rotate" />
              <p className="small">Everyone on your team will need the new address in their Bcc and rules.</p>
              <button
                type="submit"
                className="button button--danger button--small"
                disabled={navigation.state === "submitting"}
              >
                Make a new address
              </button>
            </Form>
          </details>
        </section>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}

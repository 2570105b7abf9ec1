// Small parts of the application page: the banner after a rejection (when its email goes, with Undo right there) and
// the way to older timeline entries.
import { Form, Link, useNavigation } from "@remix-run/react";

/** Said after a rejection: when the candidate's email goes out, in their time and the viewer's, and Undo (a plain
 * post of the page's "reopen" intent) while it has not gone. */
export function RejectedBanner({ sendNotice, canUndo }: { sendNotice: string | null; canUndo: boolean }) {
  const navigation = useNavigation();
  const undoing = navigation.state === "submitting" && navigation.formData?.get("intent") === "reopen";
  return (
    <div role="status" className="alert alert--success rejected-banner">
      <p>The application was rejected. {sendNotice ?? "No rejection email is waiting to go to the candidate."}</p>
      {canUndo ? (
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value="reopen" />
          <button type="submit" className="button button--secondary button--small" disabled={undoing}>
            {undoing ? "Undoing…" : "Undo"}
            <span className="visually-hidden"> the rejection: the email will not be sent</span>
          </button>
        </Form>
      ) : null}
    </div>
  );
}

/** "Showing the newest 50 of 180 entries. Show 50 older": the timeline is read a page at a time. */
export function TimelineMore({
  applicationId,
  shown,
  total,
  next,
}: {
  applicationId: string;
  shown: number;
  total: number;
  next: number;
}) {
  if (shown >= total) return null;
  return (
    <p className="small timeline-more">
      Showing the newest {shown} of {total} entries.{" "}
      {next > shown ? (
        <Link to={`/applications/${applicationId}?timeline=${next}#timeline-heading`} preventScrollReset>
          Show {Math.min(next, total) - shown} older
        </Link>
      ) : (
        `The timeline shows at most the newest ${shown} entries.`
      )}
    </p>
  );
}

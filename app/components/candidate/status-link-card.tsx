// Staff side of the candidate's status page, on the application page: open the page as the candidate sees it, and
// rotate the link when it reached the wrong person (the old one stops working at once).
import { Form } from "@remix-run/react";

export function StatusLinkCard({ url, canRotate }: { url: string; canRotate: boolean }) {
  return (
    <section className="card" aria-labelledby="status-link-heading">
      <h2 id="status-link-heading">Candidate&apos;s status page</h2>
      <p>
        The private page where the candidate sees where they stand. Every email to them carries this link.{" "}
        <a href={url}>Open the candidate&apos;s status page</a>
      </p>
      {canRotate ? (
        <Form method="post">
          <input type="hidden" name="intent" value="rotate-status-link" />
          <p className="muted small">
            Rotating gives the candidate a new link: the old link stops working at once. Emails from now on carry the
            new one.
          </p>
          <button type="submit" className="button button--secondary">
            Rotate link
          </button>
        </Form>
      ) : null}
    </section>
  );
}

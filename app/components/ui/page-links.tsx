// "← Previous · Page 2 of 7 · Next →" under a numbered list. `hrefFor(page)` keeps the list's filters in the link.
import { Link } from "@remix-run/react";

export function PageLinks({
  page,
  pageCount,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span />
      )}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link to={hrefFor(page + 1)} rel="next">
          Next →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** The page asked for in `?page=`, 1 when absent or not a whole number. */
export function requestedPage(params: URLSearchParams): number {
  return Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1);
}

/** The address of `page` with the other query fields kept ("." for the first page without any). */
export function pageHref(fields: Record<string, string>, page: number): string {
  const params = new URLSearchParams(Object.entries(fields).filter(([, value]) => value));
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `?${search}` : ".";
}

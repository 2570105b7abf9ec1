// The links above "Waiting on us": applications per risk (each a filter, the active one marked), whose jobs (mine or
// everyone's), and the pager. Every link is a plain GET that keeps the other filters, so the page works without
// JavaScript and its address says what it shows.
import { Link } from "@remix-run/react";

type Risk = "breached" | "warning" | "fine";

export type RiskLink = { risk: Risk | null; count: number; href: string; current: boolean };

const RISK_WORDS: Record<Risk | "all", string> = {
  all: "waiting",
  breached: "overdue",
  warning: "due soon",
  fine: "on track",
};

export function RiskLinks({ links }: { links: RiskLink[] }) {
  return (
    <ul className="risk-counts" aria-label="Applications by risk">
      {links.map((link) => (
        <li key={link.risk ?? "all"}>
          <Link
            to={link.href}
            className={`risk-counts__item risk-counts__item--${link.risk ?? "all"}`}
            aria-current={link.current ? "true" : undefined}
          >
            <strong>{link.count}</strong> {RISK_WORDS[link.risk ?? "all"]}
          </Link>
        </li>
      ))}
    </ul>
  );
}

export type ScopeLink = { scope: "mine" | "everyone"; href: string; current: boolean };

export function ScopeLinks({ links }: { links: ScopeLink[] }) {
  return (
    <nav className="scope-links" aria-label="Whose jobs">
      {links.map((link) => (
        <Link key={link.scope} to={link.href} aria-current={link.current ? "page" : undefined}>
          {link.scope === "mine" ? "My jobs" : "Everyone"}
        </Link>
      ))}
    </nav>
  );
}

export function Pager({ previous, next }: { previous: string | null; next: string | null }) {
  if (!previous && !next) return null;
  return (
    <nav className="pager" aria-label="Pages">
      {previous ? (
        <Link to={previous} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link to={next} rel="next">
          Next →
        </Link>
      ) : null}
    </nav>
  );
}

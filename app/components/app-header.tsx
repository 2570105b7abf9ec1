// The staff header: brand, the daily pages for the user's role, Inbox, Outbox and Notifications as icons with their
// counts, a Settings link for roles that may open a settings page, and sign-out. Below 1000 px (phones and narrow
// tablets) the links fold into a Menu disclosure (<details>, so it opens without JavaScript); the header stays one row.
import { Form, NavLink, useLocation } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { ROLE_LABELS, type Role } from "~/domain/permissions";
import { hasSettings } from "~/domain/settings-sections";
import type { HeaderCounts } from "~/models/header-counts.server";
import { BellIcon, InboxIcon, MenuIcon, OutboxIcon } from "./nav-icons";

type HeaderUser = { name: string; role: Role } | null;

const NO_COUNTS: HeaderCounts = { inbox: null, outbox: null, notifications: 0 };

type PageLink = { to: string; label: string };

/** The pages people use every day, in the bar (or the menu on a phone). */
function dailyLinks(role: Role): PageLink[] {
  const decides = role !== "interviewer";
  return [
    { to: "/waiting", label: "Waiting on us" },
    ...(decides ? [{ to: "/decisions", label: "Decisions owed" }] : []),
    { to: "/jobs", label: "Jobs" },
    { to: "/applications", label: "Applications" },
    ...(decides ? [{ to: "/metrics", label: "Dashboard" }] : []),
    ...(hasSettings(role) ? [{ to: "/settings", label: "Settings" }] : []),
  ];
}

function shownCount(count: number): string {
  return count > 99 ? "99+" : String(count);
}

function IconLink({
  to,
  label,
  count,
  what,
  icon,
}: {
  to: string;
  label: string;
  count: number;
  what: string;
  icon: ReactNode;
}) {
  const name = count > 0 ? `${label}, ${count} ${what}` : label;
  return (
    <li>
      <NavLink to={to} className="nav-icon" aria-label={name} title={name}>
        {icon}
        {count > 0 ? (
          <span className="nav-count" aria-hidden="true">
            {shownCount(count)}
          </span>
        ) : null}
      </NavLink>
    </li>
  );
}

function SignOut({ user }: { user: NonNullable<HeaderUser> }) {
  return (
    <>
      <span>
        {user.name} · {ROLE_LABELS[user.role]}
      </span>
      <Form method="post" action="/logout">
        <button type="submit" className="button button--secondary button--small">
          Sign out
        </button>
      </Form>
    </>
  );
}

export function AppHeader({ user, counts = NO_COUNTS }: { user: HeaderUser; counts?: HeaderCounts }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const location = useLocation();
  const signedIn = Boolean(user);
  // With JavaScript a link in the open menu navigates without a page load: close the menu as the page changes. Only
  // on a change: a menu opened before the page's scripts took over stays open when they do.
  const shownAddress = useRef(`${location.pathname}${location.search}`);
  useEffect(() => {
    const address = `${location.pathname}${location.search}`;
    if (address === shownAddress.current) return;
    shownAddress.current = address;
    if (menu.current) menu.current.open = false;
  }, [location.pathname, location.search]);
  // Escape closes the open menu and puts the focus back on its button.
  useEffect(() => {
    const details = menu.current;
    if (!details) return;
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || !details.open) return;
      details.open = false;
      details.querySelector("summary")?.focus();
    };
    details.addEventListener("keydown", closeOnEscape);
    return () => details.removeEventListener("keydown", closeOnEscape);
    // The menu appears once someone signs in (the header stays mounted from the login page on).
  }, [signedIn]);

  const links = user ? dailyLinks(user.role) : [];
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <a className="brand" href="/">
          Hear<span>back</span>
        </a>
        {user ? (
          <>
            <nav aria-label="Main" className="app-nav">
              <ul className="nav nav--wide">
                {links.map((link) => (
                  <li key={link.to}>
                    <NavLink to={link.to}>{link.label}</NavLink>
                  </li>
                ))}
              </ul>
              <ul className="nav-icons">
                {counts.inbox !== null ? (
                  <IconLink to="/inbox" label="Inbox" count={counts.inbox} what="unread" icon={<InboxIcon />} />
                ) : null}
                {counts.outbox !== null ? (
                  <IconLink
                    to="/outbox"
                    label="Outbox"
                    count={counts.outbox}
                    what="not delivered"
                    icon={<OutboxIcon />}
                  />
                ) : null}
                <IconLink
                  to="/notifications"
                  label="Notifications"
                  count={counts.notifications}
                  what="unread"
                  icon={<BellIcon />}
                />
              </ul>
              <details className="nav-menu" ref={menu}>
                <summary className="nav-menu__button">
                  <MenuIcon />
                  <span>Menu</span>
                </summary>
                <div className="nav-menu__panel">
                  <ul className="nav nav--menu">
                    {links.map((link) => (
                      <li key={link.to}>
                        <NavLink to={link.to}>{link.label}</NavLink>
                      </li>
                    ))}
                  </ul>
                  <div className="user-menu user-menu--in-menu">
                    <SignOut user={user} />
                  </div>
                </div>
              </details>
            </nav>
            <div className="user-menu user-menu--wide">
              <SignOut user={user} />
            </div>
          </>
        ) : null}
      </div>
    </header>
  );
}

// The staff header: brand, main navigation for the user's role (with the unread notification count), and sign-out.
import { Form, NavLink } from "@remix-run/react";
import { DATA_REQUEST_PERMISSION } from "~/domain/data-requests";
import { can, EMAIL_CAPTURE_PERMISSION, ROLE_LABELS, type Role } from "~/domain/permissions";

type HeaderUser = { name: string; role: Role } | null;

export function AppHeader({ user, unreadNotifications = 0 }: { user: HeaderUser; unreadNotifications?: number }) {
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <a className="brand" href="/">
          Hear<span>back</span>
        </a>
        {user ? (
          <>
            <nav aria-label="Main">
              <ul className="nav">
                <li>
                  <NavLink to="/waiting">Waiting on us</NavLink>
                </li>
                {user.role === "interviewer" ? null : (
                  <>
                    <li>
                      <NavLink to="/decisions">Decisions owed</NavLink>
                    </li>
                    <li>
                      <NavLink to="/metrics">Dashboard</NavLink>
                    </li>
                  </>
                )}
                <li>
                  <NavLink to="/jobs">Jobs</NavLink>
                </li>
                <li>
                  <NavLink to="/applications">Applications</NavLink>
                </li>
                {can(user.role, "view_all_jobs") ? (
                  <li>
                    <NavLink to="/inbox">Inbox</NavLink>
                  </li>
                ) : null}
                {can(user.role, "move_applications") ? (
                  <li>
                    <NavLink to="/outbox">Outbox</NavLink>
                  </li>
                ) : null}
                <li>
                  <NavLink
                    to="/notifications"
                    aria-label={
                      unreadNotifications > 0 ? `Notifications, ${unreadNotifications} unread` : "Notifications"
                    }
                  >
                    Notifications
                    {unreadNotifications > 0 ? (
                      <span className="nav-count" aria-hidden="true">
                        {unreadNotifications > 99 ? "99+" : unreadNotifications}
                      </span>
                    ) : null}
                  </NavLink>
                </li>
                {can(user.role, "manage_users") ? (
                  <li>
                    <NavLink to="/settings/users">Team</NavLink>
                  </li>
                ) : null}
                {can(user.role, DATA_REQUEST_PERMISSION) ? (
                  <li>
                    <NavLink to="/settings/data-requests">Data requests</NavLink>
                  </li>
                ) : null}
                {can(user.role, "manage_api_tokens") ? (
                  <li>
                    <NavLink to="/settings/tokens">API tokens</NavLink>
                  </li>
                ) : null}
                {can(user.role, EMAIL_CAPTURE_PERMISSION) ? (
                  <li>
                    <NavLink to="/settings/email-capture">Email capture</NavLink>
                  </li>
                ) : null}
                {can(user.role, "manage_settings") ? (
                  <>
                    <li>
                      <NavLink to="/settings/schedules">Schedules</NavLink>
                    </li>
                    <li>
                      <NavLink to="/settings/sla-policies">SLA policies</NavLink>
                    </li>
                    <li>
                      <NavLink to="/settings/templates">Templates</NavLink>
                    </li>
                    <li>
                      <NavLink to="/settings/customer-benchmarks">Customer benchmarks</NavLink>
                    </li>
                    <li>
                      <NavLink to="/settings/connectors">Connectors</NavLink>
                    </li>
                    <li>
                      <NavLink to="/settings/careers">Careers page</NavLink>
                    </li>
                  </>
                ) : null}
              </ul>
            </nav>
            <div className="user-menu">
              <span>
                {user.name} · {ROLE_LABELS[user.role]}
              </span>
              <Form method="post" action="/logout">
                <button type="submit" className="button button--secondary button--small">
                  Sign out
                </button>
              </Form>
            </div>
          </>
        ) : null}
      </div>
    </header>
  );
}

// Settings: one page listing the settings sections the signed-in person's role may open, grouped, each with a line on
// what it is for. The header links here only for a role that may open at least one.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RouteError } from "~/components/route-error";
import { PageHeader } from "~/components/ui/page-header";
import { settingsGroupsFor } from "~/domain/settings-sections";
import { requireUser } from "~/web/auth.server";
import type { StaffPageHandle } from "~/web/staff-page-cache.server";

/** Read only from the database, the user and the clock: kept in memory until the next write or minute. */
export const handle: StaffPageHandle = { keptWhileUnchanged: true };

export const meta: MetaFunction = () => [{ title: "Settings · Hearback" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const groups = settingsGroupsFor(user.role).map((group) => ({
    title: group.title,
    sections: group.sections.map((section) => ({
      title: section.title,
      href: section.href,
      description: section.description,
      readOnly: section.readOnlyFor?.(user.role) ?? false,
    })),
  }));
  if (groups.length === 0) throw new Response("Your role has no settings to change.", { status: 403 });
  return { groups };
}

const headingId = (title: string) => `settings-${title.toLowerCase().replace(/[^a-z]+/g, "-")}`;

export default function SettingsPage() {
  const { groups } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="Settings" description="How your team works in Hearback and what candidates receive." />
      <div className="settings-groups">
        {groups.map((group) => (
          <section key={group.title} className="card settings-group" aria-labelledby={headingId(group.title)}>
            <h2 id={headingId(group.title)}>{group.title}</h2>
            <ul className="settings-list">
              {group.sections.map((section) => (
                <li key={section.href}>
                  <Link to={section.href}>{section.title}</Link>
                  {section.readOnly ? <span className="muted small"> (view only)</span> : null}
                  <p className="muted small">{section.description}</p>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}

// The way back above a settings page's title: "Settings", and for a page inside a section, the section too.
import { Link } from "@remix-run/react";

export function SettingsBreadcrumb({ section }: { section?: { to: string; label: string } }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol className="breadcrumb__list">
        <li>
          <Link to="/settings">Settings</Link>
        </li>
        {section ? (
          <li>
            <Link to={section.to}>{section.label}</Link>
          </li>
        ) : null}
      </ol>
    </nav>
  );
}

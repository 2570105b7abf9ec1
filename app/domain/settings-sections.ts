// The Settings page's sections, grouped, and who may open each: the header shows "Settings" only to a role that may
// open one of them. Each rule is the one its page's loader enforces. Pure.
import { DATA_REQUEST_PERMISSION } from "./data-requests";
import { can, EMAIL_CAPTURE_PERMISSION, type Role } from "./permissions";

export type SettingsSection = {
  title: string;
  href: string;
  description: string;
  /** Whether this role may open the page. */
  opens: (role: Role) => boolean;
  /** Whether this role may only read it (the page opens, but its forms are an admin's). */
  readOnlyFor?: (role: Role) => boolean;
};

export type SettingsGroup = { title: string; sections: SettingsSection[] };

const allowed =
  (permission: Parameters<typeof can>[1]) =>
  (role: Role): boolean =>
    can(role, permission);

export const SETTINGS_GROUPS: readonly SettingsGroup[] = [
  {
    title: "Team & access",
    sections: [
      {
        title: "Team",
        href: "/settings/users",
        description: "Invite people, choose what each may do, and deactivate accounts.",
        opens: allowed("manage_users"),
      },
      {
        title: "API tokens",
        href: "/settings/tokens",
        description: "Let other systems, such as your careers site or data warehouse, use the Hearback API.",
        opens: allowed("manage_api_tokens"),
      },
    ],
  },
  {
    title: "Candidate communication",
    sections: [
      {
        title: "Templates",
        href: "/settings/templates",
        description: "The emails candidates get from you, each checked for a kind and clear tone.",
        opens: allowed("manage_settings"),
      },
      {
        title: "Email capture",
        href: "/settings/email-capture",
        description: "A Bcc address that files the emails you write from Gmail or Outlook on the application.",
        opens: allowed(EMAIL_CAPTURE_PERMISSION),
      },
      {
        title: "Careers page",
        href: "/settings/careers",
        description: "A public page listing your open jobs, where people apply with their CV.",
        opens: allowed("manage_settings"),
      },
      {
        title: "Public promise",
        href: "/settings/public-promise",
        description: "Publish what you promise applicants and how often you kept it, with a badge for your site.",
        opens: allowed("manage_settings"),
      },
    ],
  },
  {
    title: "SLA",
    sections: [
      {
        title: "SLA policies",
        href: "/settings/sla-policies",
        description: "How quickly candidates hear back at each step, and which jobs each promise covers.",
        opens: allowed("manage_settings"),
      },
      {
        title: "Schedules",
        href: "/settings/schedules",
        description: "Business hours, time zones and holidays the SLA clocks count in.",
        opens: allowed("manage_settings"),
      },
      {
        title: "Customer benchmarks",
        href: "/settings/customer-benchmarks",
        description: "Your support team’s response times, shown beside candidates’ on the dashboard.",
        // Everyone who sees the dashboard may read the figures; only admins change them.
        opens: (role) => role !== "interviewer",
        readOnlyFor: (role) => !can(role, "manage_settings"),
      },
    ],
  },
  {
    title: "Integrations",
    sections: [
      {
        title: "Connectors",
        href: "/settings/connectors",
        description: "Connect Greenhouse, Ashby or Lever so applications and stages arrive by themselves.",
        opens: allowed("manage_settings"),
      },
      {
        title: "Webhooks",
        href: "/settings/webhooks",
        description: "Send Hearback’s events — applications, decisions, promises due — to your own systems, signed.",
        opens: allowed("manage_settings"),
      },
      {
        title: "Chat alerts",
        href: "/settings/chat-alerts",
        description: "Overdue promises and the Monday digest in a Slack or Microsoft Teams channel.",
        opens: allowed("manage_settings"),
      },
    ],
  },
  {
    title: "Privacy",
    sections: [
      {
        title: "Data requests",
        href: "/settings/data-requests",
        description: "Candidates who asked you to delete their data, to answer within the legal deadline.",
        opens: allowed(DATA_REQUEST_PERMISSION),
      },
    ],
  },
];

/** The groups this role may open something in, each with only the sections it may open. */
export function settingsGroupsFor(role: Role): SettingsGroup[] {
  return SETTINGS_GROUPS.map((group) => ({
    title: group.title,
    sections: group.sections.filter((section) => section.opens(role)),
  })).filter((group) => group.sections.length > 0);
}

export function hasSettings(role: Role): boolean {
  return settingsGroupsFor(role).length > 0;
}

// Who may do what. Pure: routes and models ask these questions; models also turn them into `where` clauses.
export const ROLES = ["admin", "recruiter", "hiring_manager", "interviewer"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  recruiter: "Recruiter",
  hiring_manager: "Hiring manager",
  interviewer: "Interviewer",
};

export type Permission =
  | "manage_users"
  | "manage_settings"
  | "manage_api_tokens"
  | "manage_jobs"
  | "add_candidates"
  | "move_applications"
  | "decide_applications"
  | "add_notes"
  | "view_all_jobs";

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: [
    "manage_users",
    "manage_settings",
    "manage_api_tokens",
    "manage_jobs",
    "add_candidates",
    "move_applications",
    "decide_applications",
    "add_notes",
    "view_all_jobs",
  ],
  recruiter: [
    "manage_jobs",
    "add_candidates",
    "move_applications",
    "decide_applications",
    "add_notes",
    "view_all_jobs",
  ],
  // Hiring managers run their own jobs' pipelines: they move and decide, but only on jobs they manage (see scopes).
  hiring_manager: ["move_applications", "decide_applications", "add_notes"],
  // Interviewers leave feedback on the applications they interview.
  interviewer: ["add_notes"],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

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

/** Who sees the workspace's BCC capture address and may replace it: the staff who see every job (admins and
 * recruiters), as the inbox (docs/email.md, "BCC capture"). */
export const EMAIL_CAPTURE_PERMISSION: Permission = "view_all_jobs";

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** The forms on an application's page; each posts its name as the `intent`. */
export const APPLICATION_INTENTS = [
  "note",
  "move",
  "reject",
  "preview-rejection",
  "hire",
  "withdraw",
  "message",
  "assign-interviewer",
  "remove-interviewer",
  "cancel-message",
  "retry-message",
  "reopen",
  "rotate-status-link",
  "schedule-interview",
  "offer-interview",
  "reschedule-interview",
  "cancel-interview",
  "interview-no-show",
  "interview-feedback",
] as const;
export type ApplicationIntent = (typeof APPLICATION_INTENTS)[number];

/** What each form on an application's page needs: the action checks it, and the page shows only what passes. */
export const APPLICATION_INTENT_PERMISSIONS: Record<ApplicationIntent, Permission> = {
  note: "add_notes",
  move: "move_applications",
  reject: "decide_applications",
  "preview-rejection": "decide_applications",
  hire: "decide_applications",
  withdraw: "decide_applications",
  // Recording past messages and choosing interviewers belong to whoever runs the pipeline.
  message: "move_applications",
  "assign-interviewer": "move_applications",
  "remove-interviewer": "move_applications",
  "cancel-message": "move_applications",
  "retry-message": "move_applications",
  reopen: "decide_applications",
  "rotate-status-link": "move_applications",
  // Planning interviews belongs to whoever runs the pipeline; feedback to each interviewer (the model checks the seat).
  "schedule-interview": "move_applications",
  "offer-interview": "move_applications",
  "reschedule-interview": "move_applications",
  "cancel-interview": "move_applications",
  "interview-no-show": "move_applications",
  "interview-feedback": "add_notes",
};

// Template kinds (docs/templates.md; the identifiers are used by the API) and the merge fields a template may use.
import { SUPPORTED_LOCALES, type Locale } from "../i18n";

export const TEMPLATE_KINDS = [
  "application_received",
  "not_progressing",
  "screen_invite",
  "interview_invite",
  "post_interview_thanks",
  "delay_update",
  "rejection_after_screen",
  "rejection_after_interview",
  "role_on_hold",
  "offer",
  "withdrawal_ack",
  "survey",
  "custom",
  "interview_rescheduled",
  "interview_cancelled",
  "interview_reminder",
  "interview_offer",
] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const TEMPLATE_KIND_LABELS: Record<TemplateKind, string> = {
  application_received: "Application received",
  not_progressing: "Not progressing (after applying)",
  screen_invite: "Screening call invitation",
  interview_invite: "Interview invitation",
  post_interview_thanks: "Thanks after the interview",
  delay_update: "Delay update",
  rejection_after_screen: "Rejection after screening",
  rejection_after_interview: "Rejection after interviews",
  role_on_hold: "Role on hold",
  offer: "Offer",
  withdrawal_ack: "Withdrawal confirmed",
  survey: "Candidate survey",
  custom: "One-off message",
  interview_rescheduled: "Interview moved",
  interview_cancelled: "Interview cancelled",
  interview_reminder: "Interview reminder",
  interview_offer: "Interview times to choose from",
};

/** Templates exist in every language candidates can choose. */
export const TEMPLATE_LOCALES = SUPPORTED_LOCALES;
export type TemplateLocale = Locale;

/** Kinds that tell a candidate they are not going on: the decision must come first. */
export const REJECTION_KINDS: ReadonlySet<TemplateKind> = new Set([
  "not_progressing",
  "rejection_after_screen",
  "rejection_after_interview",
]);

export type RejectionKind = "not_progressing" | "rejection_after_screen" | "rejection_after_interview";

/** Bad news goes out at a humane time (docs/templates.md): in the candidate's hours, never right after applying. */
export const BAD_NEWS_KINDS: ReadonlySet<TemplateKind> = new Set([...REJECTION_KINDS, "role_on_hold"]);

/** Kinds that update a candidate who is still waiting: they must say when they will hear from us next. */
export const STATUS_UPDATE_KINDS: ReadonlySet<TemplateKind> = new Set([
  "application_received",
  "post_interview_thanks",
  "delay_update",
  "role_on_hold",
]);

/** Every merge field, with the value used for previews and for linting the prose. */
export const MERGE_TOKENS = {
  "candidate.firstName": { description: "The candidate's first name.", sample: "Sam" },
  "candidate.name": { description: "The candidate's full name.", sample: "Sam Taylor" },
  "job.title": { description: "The job's title.", sample: "Support Engineer" },
  "company.name": { description: "Your company's name.", sample: "Acme" },
  "recruiter.name": { description: "The recruiter who writes: a named human sender.", sample: "Priya Raman" },
  "recruiter.email": { description: "The recruiter's email address.", sample: "priya@acme.example" },
  "stage.name": { description: "The stage the application is in.", sample: "Interview" },
  statusUrl: { description: "The candidate's private status page.", sample: "https://jobs.acme.example/s/abc" },
  nextUpdateBy: {
    description: "The date the candidate will hear from us by, in their time zone and language.",
    sample: "Friday, 4 December",
  },
  "interview.when": {
    description: "When the interview starts, in the candidate's time zone.",
    sample: "Tuesday 8 December, 14:00 (Berlin time)",
  },
  "interview.where": { description: "Where the interview is, or its video link.", sample: "our Berlin office" },
  "interview.duration": { description: "How long the interview takes.", sample: "45 minutes" },
  "interview.with": { description: "The people the candidate meets.", sample: "Priya Raman and Tom Becker" },
} as const satisfies Record<string, { description: string; sample: string }>;
export type MergeToken = keyof typeof MERGE_TOKENS;

export function isMergeToken(name: string): name is MergeToken {
  return Object.hasOwn(MERGE_TOKENS, name);
}

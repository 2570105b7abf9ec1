// Chat channels, pure: which service a URL belongs to (Slack incoming webhooks on hooks.slack.com; Teams workflows on
// *.logic.azure.com, *.powerplatform.com and the older *.webhook.office.com), what the settings page shows of the
// URL (it is the credential: host and last characters only), and the add form's rules.
import { z } from "zod";
import { CHAT_KINDS, type ChatKind } from "./message";

const TEAMS_HOST_ENDINGS = [".logic.azure.com", ".powerplatform.com", ".webhook.office.com"];

export function detectChatKind(url: URL): ChatKind | null {
  const host = url.hostname.toLowerCase();
  if (host === "hooks.slack.com") return "slack";
  if (TEAMS_HOST_ENDINGS.some((ending) => host.endsWith(ending))) return "teams";
  return null;
}

/** "hooks.slack.com…x9Qz": enough to tell channels apart, too little to post to one. */
export function chatUrlHint(url: URL): string {
  const text = url.toString();
  return `${url.host}…${text.slice(-4)}`;
}

export const CHAT_URL_MAX = 2000;

const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());

/** The add form: the URL, "workspace" or a job's id, the kind ("auto": from the URL) and what the channel gets. */
export const chatChannelFormSchema = z.object({
  url: z
    .string({ message: "Paste the webhook URL." })
    .trim()
    .min(1, "Paste the webhook URL.")
    .max(CHAT_URL_MAX, `A URL is at most ${CHAT_URL_MAX} characters.`),
  scope: z.string({ message: "Choose the workspace or a job." }).min(1, "Choose the workspace or a job."),
  kind: z.enum(["auto", ...CHAT_KINDS], { message: "Choose Slack, Teams or “from the URL”." }).default("auto"),
  overdueAlerts: checkbox,
  weeklyDigest: checkbox,
});
export type ChatChannelForm = z.infer<typeof chatChannelFormSchema>;

/** What the form's scope field says: the workspace (null) or a job's id. */
export function scopeJobId(scope: string): string | null {
  return scope === "workspace" ? null : scope;
}

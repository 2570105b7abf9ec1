// The test message an admin sends from Settings → Chat alerts: that the channel works, and what it will get. Pure.
import type { ChatMessage } from "./message";

export type TestMessageContent = {
  /** Null: the whole workspace. */
  jobTitle: string | null;
  overdueAlerts: boolean;
  weeklyDigest: boolean;
  /** PUBLIC_URL without a trailing slash. */
  baseUrl: string;
};

export function chatTestMessage(content: TestMessageContent): ChatMessage {
  const what = [
    content.overdueAlerts ? "overdue alerts (at most one message an hour per job)" : null,
    content.weeklyDigest ? "the Monday digest" : null,
  ].filter((part): part is string => part !== null);
  const scope = content.jobTitle ? `for the job ${content.jobTitle}` : "for the whole workspace";
  return {
    fallback: "Hearback is connected to this channel",
    title: "Hearback is connected",
    intro:
      what.length > 0
        ? `This channel gets ${what.join(" and ")} ${scope}.`
        : `This channel gets nothing yet ${scope}: turn on overdue alerts or the Monday digest in Settings → Chat alerts.`,
    facts: [],
    items: [],
    more: null,
    actions: [{ label: "Open Hearback", url: `${content.baseUrl}/waiting` }],
    footer: "A test message sent from Settings → Chat alerts.",
  };
}

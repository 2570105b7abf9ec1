// A chat alert's content, the same for Slack and Microsoft Teams: a title, a few sentences, figures, a list of
// applications with their links and the page to see the rest. slack.ts and teams.ts turn it into each one's format.
// Pure. Never a candidate's name or email: chat history is outside Hearback, where erasure cannot reach.

export type ChatFact = { title: string; value: string };

export type ChatLink = { label: string; url: string };

/** One listed line, e.g. "A candidate in Phone Screen: first response, 2 days overdue", with its link. */
export type ChatItem = { text: string; link: ChatLink };

export type ChatMessage = {
  /** One plain line: the notification text and what clients without blocks or cards show. */
  fallback: string;
  title: string;
  /** Plain sentences under the title. */
  intro: string;
  facts: ChatFact[];
  items: ChatItem[];
  /** "and 3 more", linking to the page that lists them all. */
  more: { count: number; link: ChatLink } | null;
  /** Buttons (Teams) or links (Slack) under the message. */
  actions: ChatLink[];
  /** Small print: why this came. */
  footer: string;
};

export const CHAT_KINDS = ["slack", "teams"] as const;
export type ChatKind = (typeof CHAT_KINDS)[number];

export const CHAT_KIND_LABELS: Record<ChatKind, string> = { slack: "Slack", teams: "Microsoft Teams" };

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

// A chat message as a Microsoft Teams workflow ("Post to a channel when a webhook request is received") takes it: a
// message with one Adaptive Card 1.4 attachment — TextBlocks, a FactSet for the figures, and Action.OpenUrl buttons.
// TextBlocks read a little Markdown and Teams shows backslash escapes as typed, so square brackets in text (a job
// title) become full-width ones: only the links we write, [label](url), are links. Pure.
import type { ChatLink, ChatMessage } from "./message";

export type AdaptiveElement =
  | {
      type: "TextBlock";
      text: string;
      wrap: true;
      weight?: "Bolder";
      size?: "Small" | "Medium" | "Large";
      isSubtle?: boolean;
      spacing?: "Small" | "Medium";
    }
  | { type: "FactSet"; facts: Array<{ title: string; value: string }> };

export type AdaptiveCard = {
  $schema: "http://adaptivecards.io/schemas/adaptive-card.json";
  type: "AdaptiveCard";
  version: "1.4";
  body: AdaptiveElement[];
  actions: Array<{ type: "Action.OpenUrl"; title: string; url: string }>;
};

export type TeamsMessage = {
  type: "message";
  /** The notification preview in Teams. */
  summary: string;
  attachments: Array<{
    contentType: "application/vnd.microsoft.card.adaptive";
    contentUrl: null;
    content: AdaptiveCard;
  }>;
};

/** Text that cannot make a link: "[" and "]" become "［" and "］". */
export function escapeTeams(text: string): string {
  return text.replace(/\[/g, "［").replace(/\]/g, "］");
}

function teamsLink(link: ChatLink): string {
  return `[${escapeTeams(link.label)}](${link.url.replace(/[()\s]/g, encodeURIComponent)})`;
}

const block = (
  text: string,
  extra: Partial<Extract<AdaptiveElement, { type: "TextBlock" }>> = {},
): AdaptiveElement => ({
  type: "TextBlock",
  text,
  wrap: true,
  ...extra,
});

export function teamsMessage(message: ChatMessage): TeamsMessage {
  const body: AdaptiveElement[] = [
    block(escapeTeams(message.title), { weight: "Bolder", size: "Medium" }),
    block(escapeTeams(message.intro)),
  ];
  if (message.facts.length > 0) body.push({ type: "FactSet", facts: message.facts.map((fact) => ({ ...fact })) });
  for (const item of message.items)
    body.push(block(`${escapeTeams(item.text)} · ${teamsLink(item.link)}`, { spacing: "Small" }));
  if (message.more) body.push(block(`…${teamsLink(message.more.link)}`, { spacing: "Small" }));
  body.push(block(escapeTeams(message.footer), { size: "Small", isSubtle: true }));
  return {
    type: "message",
    summary: message.fallback,
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body,
          actions: message.actions.map((action) => ({ type: "Action.OpenUrl", title: action.label, url: action.url })),
        },
      },
    ],
  };
}

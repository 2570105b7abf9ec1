// A chat message as the JSON text to POST to a channel of either kind. Pure.
import type { ChatKind, ChatMessage } from "./message";
import { slackMessage } from "./slack";
import { teamsMessage } from "./teams";

export function chatBody(kind: ChatKind, message: ChatMessage): string {
  return JSON.stringify(kind === "slack" ? slackMessage(message) : teamsMessage(message));
}

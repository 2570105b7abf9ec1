// A chat message as a Slack incoming webhook takes it: `text` (the notification and fallback line) and Block Kit
// blocks — a header, sections in mrkdwn with <url|label> links, the figures as section fields and a context line.
// Text is escaped as Slack asks (&, < and > as entities), so a job title cannot make a link or a mention. Pure.
import type { ChatLink, ChatMessage } from "./message";

/** Slack's limits: a header's text, a section's text, a section's fields, a field's text. */
const HEADER_MAX = 150;
const SECTION_MAX = 3000;
const FIELDS_MAX = 10;
const FIELD_MAX = 2000;

type TextObject = { type: "plain_text"; text: string; emoji?: boolean } | { type: "mrkdwn"; text: string };

export type SlackBlock =
  | { type: "header"; text: TextObject }
  | { type: "section"; text: TextObject }
  | { type: "section"; fields: TextObject[] }
  | { type: "context"; elements: TextObject[] }
  | { type: "divider" };

export type SlackMessage = { text: string; blocks: SlackBlock[] };

export function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** `<url|label>`; a "|" in the label would end it early, so it becomes a broken bar. */
export function slackLink(link: ChatLink): string {
  return `<${escapeSlack(link.url)}|${escapeSlack(link.label).replace(/\|/g, "¦")}>`;
}

const mrkdwn = (text: string, max: number): TextObject => ({ type: "mrkdwn", text: cut(text, max) });

export function slackMessage(message: ChatMessage): SlackMessage {
  const blocks: SlackBlock[] = [
    { type: "header", text: { type: "plain_text", text: cut(message.title, HEADER_MAX), emoji: false } },
    { type: "section", text: mrkdwn(escapeSlack(message.intro), SECTION_MAX) },
  ];
  for (let start = 0; start < message.facts.length; start += FIELDS_MAX) {
    const facts = message.facts.slice(start, start + FIELDS_MAX);
    blocks.push({
      type: "section",
      fields: facts.map((fact) => mrkdwn(`*${escapeSlack(fact.title)}*\n${escapeSlack(fact.value)}`, FIELD_MAX)),
    });
  }
  if (message.items.length > 0) {
    const lines = message.items.map((item) => `• ${escapeSlack(item.text)} · ${slackLink(item.link)}`);
    if (message.more) lines.push(`…${slackLink(message.more.link)}`);
    blocks.push({ type: "section", text: mrkdwn(lines.join("\n"), SECTION_MAX) });
  }
  if (message.actions.length > 0) {
    blocks.push({ type: "section", text: mrkdwn(message.actions.map(slackLink).join("  ·  "), SECTION_MAX) });
  }
  blocks.push({ type: "context", elements: [mrkdwn(escapeSlack(message.footer), SECTION_MAX)] });
  return { text: escapeSlack(message.fallback), blocks };
}

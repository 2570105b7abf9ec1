// Adding a connector (Settings → Connectors and POST /api/v1/connectors): one schema for the form and the API.
import { z } from "zod";
import { STAGE_KINDS } from "~/domain/jobs";
import { optionalText, trimmedText } from "~/domain/validation";
import { CONNECTOR_EMAIL_MODES, CONNECTOR_KINDS, type ConnectorKind } from "./events";

export const LEVER_API_BASE_URL = "https://api.lever.co/v1";

/** What each ATS calls itself, for labels and messages. */
export const CONNECTOR_LABELS: Record<ConnectorKind, string> = {
  greenhouse: "Greenhouse",
  ashby: "Ashby",
  lever: "Lever",
  webhook: "Generic webhook (Standard Webhooks)",
};

const STANDARD_SECRET = /^whsec_[A-Za-z0-9+/]{32,}={0,2}$/;

/** Lever shows a signature token per webhook: the connector's secret holds each, separated by spaces, commas or new
 * lines. */
export function leverTokens(secret: string): string[] {
  return secret.split(/[\s,]+/).filter(Boolean);
}

export const connectorInputSchema = z
  .object({
    kind: z.enum(CONNECTOR_KINDS, { error: `Kind must be one of ${CONNECTOR_KINDS.join(", ")}.` }),
    name: trimmedText("Name", 80),
    secret: optionalText("Secret", 2000),
    emails: z.enum(CONNECTOR_EMAIL_MODES, { error: "emails must be hearback or ats." }).default("hearback"),
    apiKey: optionalText("API key", 300),
    apiBaseUrl: optionalText("API base URL", 300),
  })
  .superRefine((input, context) => {
    const issue = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message });
    const secrets =
      input.secret === undefined ? [] : input.kind === "lever" ? leverTokens(input.secret) : [input.secret];
    if (secrets.some((secret) => secret.length < 16)) {
      issue("secret", "A secret must be at least 16 characters.");
    }
    if (input.kind === "webhook" && input.secret !== undefined && !STANDARD_SECRET.test(input.secret)) {
      issue("secret", "A Standard Webhooks secret is whsec_ followed by at least 24 bytes in base64.");
    }
    if (input.kind === "lever") {
      if (!input.secret) issue("secret", "Paste the signature token Lever shows for each webhook, one per line.");
      if (!input.apiKey) issue("apiKey", "Lever sends ids only: give an API key with read access to opportunities.");
      if (input.apiBaseUrl !== undefined && !/^https?:\/\/[^\s/]+(\/\S*)?$/.test(input.apiBaseUrl)) {
        issue("apiBaseUrl", "Enter an http(s) URL, such as https://api.lever.co/v1.");
      }
    } else if (input.apiKey || input.apiBaseUrl) {
      issue("apiKey", "Only Lever needs an API key.");
    }
  });
export type ConnectorInput = z.output<typeof connectorInputSchema>;

/** Correcting what kind of stage an ATS stage is (the guess from its name may be wrong). */
export const stageKindCorrectionSchema = z.object({
  stageId: z.string().min(1, "Choose a stage."),
  kind: z.enum(STAGE_KINDS, { error: `Stage kind must be one of ${STAGE_KINDS.join(", ")}.` }),
});

/** Changing a connector: its name, who writes to candidates, or new secrets (after SESSION_SECRET changed, or a
 * secret rotated in the ATS). Checked against the connector's kind with connectorSecretIssues. */
export const connectorUpdateSchema = z.object({
  name: trimmedText("Name", 80).optional(),
  emails: z.enum(CONNECTOR_EMAIL_MODES, { error: "emails must be hearback or ats." }).optional(),
  secret: optionalText("Secret", 2000),
  apiKey: optionalText("API key", 300),
});
export type ConnectorUpdate = z.output<typeof connectorUpdateSchema>;

/** What is wrong with new secrets for a connector of this kind, by field. */
export function connectorSecretIssues(
  kind: ConnectorKind,
  update: ConnectorUpdate,
): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (update.secret !== undefined) {
    const secrets = kind === "lever" ? leverTokens(update.secret) : [update.secret];
    if (secrets.length === 0 || secrets.some((secret) => secret.length < 16)) {
      issues.push({ path: "secret", message: "A secret must be at least 16 characters." });
    } else if (kind === "webhook" && !STANDARD_SECRET.test(update.secret)) {
      issues.push({
        path: "secret",
        message: "A Standard Webhooks secret is whsec_ followed by at least 24 bytes in base64.",
      });
    }
  }
  if (update.apiKey !== undefined && kind !== "lever")
    issues.push({ path: "apiKey", message: "Only Lever needs an API key." });
  return issues;
}

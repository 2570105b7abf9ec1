// The candidate's private status link. The token is derived from the application id, its rotation number and the
// workspace secret (HMAC-SHA256, 192 bits), so every email can carry the link while the database keeps only its
// hash; rotating (bumping statusTokenRotation) makes the old link a 404. Changing SESSION_SECRET rotates every link.
import { createHmac } from "node:crypto";
import { publicUrl } from "./env.server";
import { sessionSecret } from "./secrets.server";
import { hashSecret } from "./tokens.server";

export function statusTokenFor(applicationId: string, rotation: number): string {
  return createHmac("sha256", sessionSecret())
    .update(`status:${applicationId}:${rotation}`)
    .digest()
    .subarray(0, 24)
    .toString("base64url");
}

export function statusTokenHashFor(applicationId: string, rotation: number): string {
  return hashSecret(statusTokenFor(applicationId, rotation));
}

export function statusUrlFor(token: string): string {
  return `${publicUrl()}/s/${token}`;
}

export function statusUrlOf(application: { id: string; statusTokenRotation: number }): string {
  return statusUrlFor(statusTokenFor(application.id, application.statusTokenRotation));
}

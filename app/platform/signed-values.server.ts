// Short values signed with the workspace secret (HMAC-SHA256), for what a page hands the browser and must get back
// unchanged: the time a public form was rendered, the confirmation a visitor is redirected to. Each purpose has its
// own key derivation, so a value signed for one is worthless for another.
import { createHmac } from "node:crypto";
import { sessionSecret } from "./secrets.server";
import { secretsEqual } from "./tokens.server";

function signature(purpose: string, value: string): string {
  return createHmac("sha256", sessionSecret()).update(`signed:${purpose}:${value}`).digest("base64url");
}

/** "<value>.<signature>"; the value must not contain a dot's meaning to the reader (it is split at the last one). */
export function signValue(purpose: string, value: string): string {
  return `${value}.${signature(purpose, value)}`;
}

/** The value, when `signed` carries this purpose's valid signature; null otherwise. */
export function readSignedValue(purpose: string, signed: string | null | undefined): string | null {
  if (!signed || signed.length > 500) return null;
  const dot = signed.lastIndexOf(".");
  if (dot <= 0) return null;
  const value = signed.slice(0, dot);
  return secretsEqual(signed.slice(dot + 1), signature(purpose, value)) ? value : null;
}

/** A signed instant (epoch milliseconds): when a form was rendered. */
export function signInstant(purpose: string, instant: Date): string {
  return signValue(purpose, String(instant.getTime()));
}

/** The instant of a value signed by signInstant, or null when it is missing or forged. */
export function readSignedInstant(purpose: string, signed: string | null | undefined): number | null {
  const value = readSignedValue(purpose, signed);
  return value !== null && /^\d{1,15}$/.test(value) ? Number(value) : null;
}

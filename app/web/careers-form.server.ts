// Reading an application posted from the careers page (a plain multipart form, JavaScript or not) within bounds: a
// body declared larger than MAX_CAREERS_BODY_BYTES is refused unread (server.mjs refuses one that grows past it while
// it arrives), text fields are cut at 64 KB, and of the CV only what the size check needs is kept — one byte over
// the limit tells it all. The text fields come before the file in the form, so even a refused file leaves what the
// candidate typed. Also the page's spam checks: the signed render time and the per-address limits.
import { unstable_parseMultipartFormData, type UploadHandlerPart } from "@remix-run/node";
import { CV_FIELD, fillTime, STAMP_FIELD, TRAP_FIELD, type FillTime } from "~/domain/careers/application-form";
import { MAX_CV_BYTES } from "~/domain/careers/file-type";
import { readBounded } from "~/platform/bounded-read.server";
import { readSignedInstant, readSignedValue, signInstant, signValue } from "~/platform/signed-values.server";
import { STATUS_REQUESTS_PER_MINUTE } from "./candidate-route.server";
import { allowRequest, clientAddress } from "./rate-limit.server";

/** The CV's 10 MB and the form's text with room to spare; server.mjs holds careers posts to the same figure. */
export const MAX_CAREERS_BODY_BYTES = 11 * 1024 * 1024;
const MAX_TEXT_PART_BYTES = 64 * 1024;
const MAX_PARTS = 30;
/** Applications one address may send in a minute: a shared office connection stays far below it, a script does not. */
export const APPLICATIONS_PER_MINUTE = 10;

export type CvPart = { fileName: string; size: number; bytes: Uint8Array };
export type CareersPost = { fields: Record<string, string>; cv: CvPart | null; tooLarge: boolean };

class BodyTooLarge extends Error {}

/** The post's text fields and CV. `tooLarge`: the body passed the limit (the fields read before it are kept). */
export async function readCareersPost(request: Request): Promise<CareersPost> {
  const declared = Number(request.headers.get("Content-Length") ?? 0);
  if (declared > MAX_CAREERS_BODY_BYTES) {
    await request.body?.cancel().catch(() => undefined);
    return { fields: {}, cv: null, tooLarge: true };
  }
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.startsWith("multipart/form-data")) {
    // A post without a file input (a hand-made request): its fields, bounded, and no CV.
    const body = await readBounded(request.body, MAX_TEXT_PART_BYTES * 4);
    if (!body) return { fields: {}, cv: null, tooLarge: true };
    return { fields: Object.fromEntries(new URLSearchParams(body.toString("utf8"))), cv: null, tooLarge: false };
  }
  const fields: Record<string, string> = {};
  let cv: CvPart | null = null;
  let total = 0;
  let parts = 0;
  const handle = async (part: UploadHandlerPart) => {
    parts += 1;
    const isCv = part.name === CV_FIELD && part.filename !== undefined;
    const keep = parts > MAX_PARTS ? 0 : isCv ? MAX_CV_BYTES + 1 : MAX_TEXT_PART_BYTES;
    const chunks: Uint8Array[] = [];
    let kept = 0;
    let size = 0;
    try {
      for await (const chunk of part.data) {
        size += chunk.byteLength;
        total += chunk.byteLength;
        if (total > MAX_CAREERS_BODY_BYTES) throw new BodyTooLarge();
        if (kept < keep) {
          const piece = chunk.subarray(0, keep - kept);
          chunks.push(piece);
          kept += piece.byteLength;
        }
      }
    } finally {
      // A file cut short by the body limit still counts as the too-large file it was.
      if (isCv && part.filename) cv = { fileName: part.filename, size, bytes: Buffer.concat(chunks, kept) };
    }
    if (parts > MAX_PARTS || isCv || part.filename !== undefined) return undefined;
    fields[part.name] = Buffer.concat(chunks, kept).toString("utf8");
    return undefined;
  };
  try {
    await unstable_parseMultipartFormData(request, handle);
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      const partial = cv as CvPart | null;
      if (partial) cv = { ...partial, size: Math.max(partial.size, MAX_CV_BYTES + 1) };
      return { fields, cv, tooLarge: true };
    }
    if (error instanceof TypeError) return { fields, cv, tooLarge: false };
    throw error;
  }
  return { fields, cv, tooLarge: false };
}

const FORM_STAMP = "careers-form";
const CONFIRMATION = "careers-confirmation";

/** The hidden field's value: the signed time the form is rendered at. */
export function formStamp(now: Date = new Date()): string {
  return signInstant(FORM_STAMP, now);
}

/** How the post's fill time looks (a missing or forged stamp is "expired": the form is simply shown again). */
export function postFillTime(fields: Record<string, string>, now: Date = new Date()): FillTime {
  return fillTime(readSignedInstant(FORM_STAMP, fields[STAMP_FIELD]), now.getTime());
}

/** Whether the field no person sees was filled in. */
export function filledTrap(fields: Record<string, string>): boolean {
  return (fields[TRAP_FIELD] ?? "").trim() !== "";
}

/** Requests of any kind from one address to the careers pages: the status links' limit. */
export function careersRequestAllowed(request: Request): boolean {
  return allowRequest(`careers:${clientAddress(request)}`, STATUS_REQUESTS_PER_MINUTE);
}

export function applicationAllowed(request: Request): boolean {
  return allowRequest(`careers-apply:${clientAddress(request)}`, APPLICATIONS_PER_MINUTE);
}

export function tooManyRequests(): Response {
  return new Response("Too many requests. Please wait a minute and try again.", {
    status: 429,
    headers: { "Retry-After": "60", "Content-Type": "text/plain; charset=utf-8" },
  });
}

export type Confirmation = { outcome: "applied" | "already_applied"; applicationId: string };

const CONFIRMATION_HOURS = 24;

/** The confirmation page's address parameter: what happened, signed, so nobody can read another person's promise. */
export function confirmationToken(confirmation: Confirmation, now: Date = new Date()): string {
  return signValue(CONFIRMATION, `${confirmation.outcome}~${confirmation.applicationId}~${now.getTime()}`);
}

export function readConfirmation(token: string | null, now: Date = new Date()): Confirmation | null {
  const value = readSignedValue(CONFIRMATION, token);
  const [outcome, applicationId, at] = value?.split("~") ?? [];
  if ((outcome !== "applied" && outcome !== "already_applied") || !applicationId || !at) return null;
  if (now.getTime() - Number(at) > CONFIRMATION_HOURS * 60 * 60_000) return null;
  return { outcome, applicationId };
}

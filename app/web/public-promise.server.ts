// The public kept-promise record over HTTP (docs/public-promise.md): the JSON careers sites read
// (GET /api/public/promise, and the preview in GET/POST /api/v1/public-promise), described by zod schemas the OpenAPI
// document is generated from, and the responses of the public badge and JSON: open to every site, cacheable but
// asked for again each time (an ETag answers 304), so unpublishing takes them down at once.
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Locale } from "~/domain/i18n";
import {
  MIN_CASES,
  PUBLIC_PROMISES,
  RECORD_DAYS,
  type PromiseScope,
  type PublicPromiseRecord,
  type PublicPromiseSettings,
} from "~/domain/public-promise/record";
import { PROMISE_TEXTS } from "~/domain/public-promise/texts";
import { careersJobUrl } from "~/models/careers.server";
import { publicUrl } from "~/platform/env.server";

const promiseResource = z.object({
  promise: z.enum(PUBLIC_PROMISES),
  text: z.string().describe("The promise in plain words."),
  measure: z.string().describe("What the figure counts."),
  firstResponseTarget: z
    .object({ minutes: z.number().int(), businessHours: z.boolean() })
    .nullable()
    .describe("first_response only: the target the promise is worded from."),
  cases: z.number().int().min(0).describe("Applications the figure is computed from (the sample size)."),
  kept: z.number().int().min(0).nullable().describe(`How many of them were kept; null below ${MIN_CASES} cases.`),
  rate: z.number().min(0).max(1).nullable().describe(`kept ÷ cases, 0–1; null below ${MIN_CASES} cases.`),
});

const scopeResource = z.object({ promises: z.array(promiseResource) });

export const publicPromiseResource = z.object({
  company: z.string(),
  url: z.string().describe("The public page, /promise."),
  language: z.enum(["en", "de"]),
  period: z.object({ from: z.iso.datetime(), to: z.iso.datetime(), days: z.literal(RECORD_DAYS) }),
  computedAt: z.iso.datetime(),
  minimumCases: z.literal(MIN_CASES),
  workspace: scopeResource,
  jobs: z.array(scopeResource.extend({ title: z.string(), url: z.string().describe("The job's careers page.") })),
});

export const publicPromiseSettingsResource = z.object({
  published: z.boolean(),
  metrics: z.array(z.enum(PUBLIC_PROMISES)).describe("The promises shown, in the order the page shows them."),
  updatedAt: z.iso.datetime().nullable().describe("When it was last published, unpublished or changed."),
  urls: z.object({ page: z.string(), badge: z.string(), json: z.string() }),
  preview: publicPromiseResource.describe("Exactly what is (or, once published, will be) shown, computed now."),
});

function presentScope(scope: PromiseScope, locale: Locale) {
  const t = PROMISE_TEXTS[locale];
  return scope.figures.map((figure) => ({
    promise: figure.promise,
    text: t.promise(figure.promise, scope.firstResponseTarget),
    measure: t.measure[figure.promise],
    firstResponseTarget: figure.promise === "first_response" ? scope.firstResponseTarget : null,
    cases: figure.cases,
    kept: figure.kept,
    rate: figure.rate,
  }));
}

export function presentPublicPromise(
  record: PublicPromiseRecord,
  company: string,
  locale: Locale,
): z.infer<typeof publicPromiseResource> {
  return publicPromiseResource.parse({
    company,
    url: publicPromiseUrls().page,
    language: locale,
    period: { from: record.from.toISOString(), to: record.to.toISOString(), days: RECORD_DAYS },
    computedAt: record.computedAt.toISOString(),
    minimumCases: MIN_CASES,
    workspace: { promises: presentScope(record.workspace, locale) },
    jobs: record.jobs.map((scope) => ({
      title: scope.job!.title,
      url: careersJobUrl(scope.job!.slug),
      promises: presentScope(scope, locale),
    })),
  });
}

export function publicPromiseUrls() {
  return {
    page: `${publicUrl()}/promise`,
    badge: `${publicUrl()}/promise/badge.svg`,
    json: `${publicUrl()}/api/public/promise`,
  };
}

export function presentPublicPromiseSettings(
  settings: PublicPromiseSettings,
  preview: PublicPromiseRecord,
  company: string,
): z.infer<typeof publicPromiseSettingsResource> {
  return publicPromiseSettingsResource.parse({
    published: settings.published,
    metrics: settings.metrics,
    updatedAt: settings.revision || null,
    urls: publicPromiseUrls(),
    preview: presentPublicPromise(preview, company, "en"),
  });
}

/** Headers every public badge and JSON answer carries: no sniffing, no script or frame even when opened on its own,
 * embeddable and readable from any site. */
const PUBLIC_RESOURCE_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox",
  "Referrer-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "cross-origin",
  "Access-Control-Allow-Origin": "*",
  Vary: "Accept-Language",
} as const;

/** A public badge or JSON answer: cacheable by anyone, revalidated every time (ETag), so a cache never shows a
 * record after it was unpublished or changed. */
export function publicResource(request: Request, body: string, contentType: string): Response {
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  const headers = {
    ...PUBLIC_RESOURCE_HEADERS,
    "Content-Type": contentType,
    "Cache-Control": "public, no-cache",
    ETag: etag,
  };
  const asked = request.headers.get("If-None-Match");
  if (asked && asked.split(",").some((tag) => tag.trim() === etag)) return new Response(null, { status: 304, headers });
  return new Response(request.method === "HEAD" ? null : body, { headers });
}

/** The answer for a workspace that has not published its record: nothing to show, and nothing to keep. */
export function notPublished(contentType: string, body: string): Response {
  return new Response(body, {
    status: 404,
    headers: { ...PUBLIC_RESOURCE_HEADERS, "Content-Type": contentType, "Cache-Control": "no-store" },
  });
}

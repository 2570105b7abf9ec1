// GET /api/public/promise: the published kept-promise record as JSON for careers sites — no token, readable from any
// site (CORS), cacheable with an ETag; 404 while nothing is published. docs/public-promise.md, docs/api.md.
import { z } from "zod";
import { careersLocale } from "~/domain/careers/application-form";
import { getCareersSettings } from "~/models/careers.server";
import { publishedPromiseRecord } from "~/models/public-promise.server";
import { publicApiRoute } from "~/web/api.server";
import type { ApiOperation } from "~/web/openapi.server";
import { notPublished, presentPublicPromise, publicPromiseResource, publicResource } from "~/web/public-promise.server";

const JSON_TYPE = "application/json; charset=utf-8";

export const publicPromiseQuerySchema = z.object({
  lang: z.enum(["en", "de"]).optional().describe("The language of the promises' words; else Accept-Language."),
});

const handle = publicApiRoute({
  async GET({ request }) {
    const [record, settings] = await Promise.all([publishedPromiseRecord(), getCareersSettings()]);
    if (!record) {
      const error = { code: "not_found", message: "This team has not published its kept-promise record.", issues: [] };
      return notPublished(JSON_TYPE, JSON.stringify({ error }));
    }
    const locale = careersLocale(new URL(request.url).searchParams.get("lang"), request.headers.get("Accept-Language"));
    return publicResource(
      request,
      JSON.stringify(presentPublicPromise(record, settings.companyName, locale)),
      JSON_TYPE,
    );
  },
});

export const loader = handle;
export const action = handle;

export const openapi: ApiOperation[] = [
  {
    method: "get",
    path: "/api/public/promise",
    operationId: "getPublicPromise",
    summary: "The published kept-promise record",
    description:
      "No token needed, and any site may read it (Access-Control-Allow-Origin: *). The promises the team published " +
      "in plain words and how often each was kept in the last 90 days, for the whole workspace and each job on the " +
      "careers page, with the sample size; below 20 cases `kept` and `rate` are null. Recomputed at most hourly; " +
      "send If-None-Match with the ETag to get 304 when nothing changed. 404 while nothing is published. " +
      "docs/public-promise.md.",
    tag: "Metrics",
    authenticated: false,
    query: publicPromiseQuerySchema,
    success: { status: 200, description: "The record.", schema: publicPromiseResource },
    errors: [404],
  },
];

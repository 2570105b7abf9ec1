// POST /api/v1/customer-benchmarks/import: a helpdesk's ticket export (CSV) in, the customer figures worked out from
// it out, and stored like the settings page stores them; with dryRun=true only worked out. A file with any ticket
// that cannot be read is refused whole, each problem named by its row.
import { z } from "zod";
import { decodeExport } from "~/domain/metrics/helpdesk-import/decode";
import { DEFAULT_HELPDESK_TARGETS, helpdeskImportFieldsSchema } from "~/domain/metrics/helpdesk-import/form";
import { HELPDESK_EXPORT_MAX_BYTES, importHelpdeskExport } from "~/domain/metrics/helpdesk-import/import";
import { getCustomerBenchmarks, importHelpdeskBenchmarks } from "~/models/customer-benchmark.server";
import { ApiError, apiJson, apiRoute, parseQuery, readRawBody, requireApiPermission } from "~/web/api.server";
import { customerBenchmarkImportResource } from "~/web/api-metrics-resources.server";
import type { ApiOperation } from "~/web/openapi.server";

const MAX_MEGABYTES = HELPDESK_EXPORT_MAX_BYTES / 1024 / 1024;
const CSV_TYPES = ["text/csv", "text/plain", "application/csv", "application/vnd.ms-excel"];

export const customerBenchmarkImportQuerySchema = z.object({
  vendor: z
    .string()
    .optional()
    .describe("zendesk, freshdesk, helpscout, zammad or chatwoot; told from the header row when absent."),
  from: z.string().optional().describe("First day of the period (UTC, YYYY-MM-DD); default: 89 days before `to`."),
  to: z
    .string()
    .optional()
    .describe("Last day of the period, included; default: the day the newest ticket was created."),
  firstReplyTargetMinutes: z
    .string()
    .optional()
    .describe("The team's first reply target; default: the stored first reply target, else 60."),
  resolutionTargetMinutes: z
    .string()
    .optional()
    .describe("The team's resolution target; default: the stored resolution target, else 2880 (two days)."),
  dryRun: z
    .enum(["true", "false"], { error: "dryRun must be true or false." })
    .optional()
    .describe("true: answer the figures and store nothing."),
  fileName: z.string().max(200).optional().describe("The export's file name, kept with the figures."),
});

const handle = apiRoute({
  async POST({ request, principal }) {
    requireApiPermission(principal, "manage_settings");
    const query = parseQuery(request, customerBenchmarkImportQuerySchema);
    const fields = helpdeskImportFieldsSchema.safeParse(query);
    if (!fields.success) {
      throw new ApiError(
        "validation_error",
        "The query has invalid parameters; see issues.",
        fields.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message })),
      );
    }
    const mediaType = (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (!CSV_TYPES.includes(mediaType)) {
      throw new ApiError(
        "unsupported_media_type",
        "Send the helpdesk's export as the body, with Content-Type: text/csv.",
      );
    }
    let bytes: Uint8Array;
    try {
      bytes = await readRawBody(request, HELPDESK_EXPORT_MAX_BYTES);
    } catch (error) {
      if (error instanceof ApiError && error.code === "payload_too_large") {
        throw new ApiError(
          "payload_too_large",
          `The export is larger than ${MAX_MEGABYTES} MB. Export a shorter period (90 days is plenty).`,
        );
      }
      throw error;
    }
    const stored = await getCustomerBenchmarks();
    const result = importHelpdeskExport(decodeExport(bytes), {
      vendor: fields.data.vendor,
      from: fields.data.from,
      to: fields.data.to,
      targets: {
        first_reply:
          fields.data.firstReplyTargetMinutes ??
          stored.first_reply?.targetMinutes ??
          DEFAULT_HELPDESK_TARGETS.first_reply,
        resolution:
          fields.data.resolutionTargetMinutes ??
          stored.resolution?.targetMinutes ??
          DEFAULT_HELPDESK_TARGETS.resolution,
      },
    });
    if (!result.ok) {
      throw new ApiError(
        "validation_error",
        "The export was not imported; nothing was stored. See issues.",
        result.errors.map((message) => ({ path: "", message })),
      );
    }
    const dryRun = query.dryRun === "true";
    const changed = dryRun
      ? 0
      : await importHelpdeskBenchmarks(result.figures, principal.actor.id, query.fileName ?? null);
    return apiJson(customerBenchmarkImportResource.parse({ stored: !dryRun, changed, ...result.figures }));
  },
});

export const loader = handle;
export const action = handle;

export const openapi: ApiOperation[] = [
  {
    method: "post",
    path: "/api/v1/customer-benchmarks/import",
    operationId: "importCustomerBenchmarks",
    summary: "Work out (and store) the customer figures from a helpdesk's ticket export",
    description:
      "Needs the manage_settings permission (admins). The body is the CSV ticket export of Zendesk, Freshdesk, Help " +
      `Scout, Zammad or Chatwoot (at most ${MAX_MEGABYTES} MB and 200,000 tickets); the helpdesk is told from the ` +
      "header row. For the tickets created in the period, the answer gives the median first reply and resolution times " +
      "and the share answered within the team's targets (Zendesk's business-hours times when present). The figures " +
      "replace the stored first reply and resolution benchmarks, with where they came from; next reply is not in these " +
      "exports and is left alone. A file with any ticket that cannot be read is refused (400), every problem in " +
      "`issues` with its row; nothing is stored. With dryRun=true nothing is stored at all. docs/api.md.",
    tag: "Metrics",
    query: customerBenchmarkImportQuerySchema,
    rawBody: { contentTypes: ["text/csv"], description: "The helpdesk's ticket export, as it was downloaded." },
    success: {
      status: 200,
      description: "The figures, and whether they were stored.",
      schema: customerBenchmarkImportResource,
    },
    errors: [400, 403, 413, 415],
  },
];

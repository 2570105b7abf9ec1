// POST /api/v1/imports: import a spreadsheet (CSV or XLSX) of candidates and their history. With dryRun=true, the
// preview the Import page shows (columns as mapped, counts, the first rows as read, every row error) and nothing is
// written; without, the rows are imported in this request and the answer counts what happened.
import { z } from "zod";
import { FIELD_LABELS } from "~/domain/imports/mapping";
import { DATE_ORDERS, IMPORT_FIELDS } from "~/domain/imports/types";
import { importNow } from "~/models/imports/import-now.server";
import { previewOf } from "~/models/imports/imports.server";
import { assertMayImport, guessReading, mappingWith, sheetOf } from "~/models/imports/reading.server";
import { InvalidInputError } from "~/platform/errors.server";
import { ApiError, apiJson, apiRoute, parseQuery, requireApiPermission } from "~/web/api.server";
import { importDryRunResource, importResultResource } from "~/web/api-import-resources.server";
import { readUpload, UploadTooLarge } from "~/web/import-upload.server";
import type { ApiOperation } from "~/web/openapi.server";

const flag = (name: string) =>
  z
    .enum(["true", "false"], { error: `${name} must be true or false.` })
    .optional()
    .transform((value) => value === "true");

export const importQuerySchema = z.object({
  dryRun: flag("dryRun").describe("true: answer the preview and write nothing."),
  acknowledge: flag("acknowledge").describe(
    "true: send the acknowledgement email to each new application that is still active. Otherwise nothing is sent.",
  ),
  dateOrder: z
    .enum(DATE_ORDERS, { error: "dateOrder must be dmy or mdy." })
    .optional()
    .describe("How dates such as 03/04/2026 read: dmy (3 April) or mdy (March 4). Guessed from the file when absent."),
  fileName: z.string().max(200).optional().describe("The file's name, when the body is the file itself."),
  mapping: z
    .string()
    .max(20_000)
    .optional()
    .describe(
      `Corrections to the guessed columns, as JSON: {"<header or column index>": "<field>" or ""}. Fields: ` +
        `${IMPORT_FIELDS.join(", ")}. A multipart post may send it as a \`mapping\` field instead.`,
    ),
});

function overridesFrom(text: string | null | undefined): Record<string, string> | undefined {
  if (!text) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InvalidInputError("mapping must be a JSON object.", [{ path: "mapping", message: "Not JSON." }]);
  }
  const result = z.record(z.string(), z.string()).safeParse(parsed);
  if (!result.success) {
    throw new InvalidInputError('mapping must map column names to field names: {"Email": "email"}.', [
      { path: "mapping", message: "Not an object of strings." },
    ]);
  }
  return result.data;
}

const handle = apiRoute({
  async POST({ request, principal }) {
    requireApiPermission(principal, "add_candidates");
    assertMayImport(principal.actor);
    const query = parseQuery(request, importQuerySchema);
    let upload;
    try {
      upload = await readUpload(request, query.fileName);
    } catch (error) {
      if (error instanceof UploadTooLarge) throw new ApiError("payload_too_large", error.message);
      throw error;
    }
    const sheet = await sheetOf(upload.content, upload.fileName);
    const posted = upload.form?.get("mapping");
    const mapping = mappingWith(sheet, overridesFrom(typeof posted === "string" ? posted : query.mapping));
    const options = { dateOrder: query.dateOrder ?? guessReading(sheet).dateOrder, acknowledge: query.acknowledge };
    if (query.dryRun) {
      const preview = await previewOf("dry-run", upload.fileName, sheet, { mapping, options, now: new Date() });
      return apiJson({
        dryRun: true,
        fileName: upload.fileName,
        columns: preview.headers.map((header, index) => ({
          index,
          header,
          field: mapping[String(index)] ?? null,
          label: mapping[String(index)] ? FIELD_LABELS[mapping[String(index)]!] : null,
        })),
        dateOrder: options.dateOrder,
        issues: preview.issues,
        readable: preview.readable,
        counts: preview.counts,
        rows: preview.rows,
        errors: preview.errors,
      });
    }
    const result = await importNow({ fileName: upload.fileName, sheet, mapping, options }, principal.actor);
    return apiJson(result, { status: 201 });
  },
});

export const loader = handle;
export const action = handle;

export const openapi: ApiOperation[] = [
  {
    method: "post",
    path: "/api/v1/imports",
    operationId: "importCandidates",
    summary: "Import candidates from a spreadsheet (CSV or XLSX)",
    description:
      "Needs the add_candidates permission (recruiters and admins). The body is the file itself (text/csv, or the " +
      "XLSX media type) or a multipart/form-data post with a `file` field; at most 20 MB and 50,000 rows, with a " +
      "header row. Columns are mapped from their headers (the names ATS exports and trackers use; correct them with " +
      "`mapping`). Rows are matched to applications by the candidate's email and the job's title: new ones are " +
      "created with their history (applied, stage, rejected/hired/withdrawn with their dates), existing ones are " +
      "moved or decided as the file says, and the same file again changes nothing. Nothing is emailed unless " +
      "acknowledge=true. A row that cannot be read is reported in `errors` with its row number, column and reason, " +
      "and nothing is written for it. With dryRun=true nothing is written at all. docs/imports.md.",
    tag: "Imports",
    query: importQuerySchema,
    rawBody: {
      contentTypes: [
        "text/csv",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "multipart/form-data",
      ],
      description: "The spreadsheet, or a form with the spreadsheet as `file` (and optionally `mapping`).",
    },
    success: {
      status: 201,
      description: "Imported (or, with dryRun=true, 200 and the preview).",
      schema: z.union([importResultResource, importDryRunResource]),
    },
    errors: [400, 403, 413],
  },
];

// What POST /api/v1/imports answers, as documented in the OpenAPI description.
import { z } from "zod";
import { IMPORT_FIELDS, IMPORT_OUTCOMES } from "~/domain/imports/types";

const rowError = z.object({
  row: z.number().int().describe("The row's number in the file; the header is row 1."),
  column: z.string().describe("The column's header, or empty when the row as a whole was refused."),
  message: z.string(),
});

export const importResultResource = z.object({
  importId: z.string(),
  created: z.number().int().describe("New applications."),
  updated: z.number().int().describe("Existing applications moved, decided or recorded as told."),
  skipped: z.number().int().describe("Rows that changed nothing: the application is already as the file says."),
  errors: z.array(rowError),
});

const row = z.object({
  row: z.number().int(),
  name: z.string(),
  email: z.string(),
  job: z.string(),
  stage: z.string().optional(),
  outcome: z.enum(IMPORT_OUTCOMES),
  appliedAt: z.string().optional(),
  decidedAt: z.string().optional(),
  toldAt: z.string().optional(),
});

export const importDryRunResource = z.object({
  dryRun: z.literal(true),
  fileName: z.string(),
  columns: z.array(
    z.object({
      index: z.number().int(),
      header: z.string(),
      field: z.enum(IMPORT_FIELDS).nullable(),
      label: z.string().nullable(),
    }),
  ),
  dateOrder: z.enum(["dmy", "mdy"]),
  issues: z.array(z.string()).describe("What the mapping lacks (an email, a job, a name column); empty when usable."),
  readable: z.number().int(),
  counts: z.object({
    newCandidates: z.number().int(),
    newApplications: z.number().int(),
    updates: z.number().int(),
    skipped: z.number().int(),
    newJobs: z.array(z.string()),
    newStages: z.array(z.object({ job: z.string(), stages: z.array(z.string()) })),
  }),
  rows: z.array(z.object({ row, change: z.looseObject({ kind: z.enum(["create", "update", "unchanged"]) }) })),
  errors: z.array(rowError),
});

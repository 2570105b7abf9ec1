// Hand-written multi-row SQL for the write benchmark's floors: each statement takes its rows as one jsonb parameter
// (jsonb_to_recordset), so a table costs one statement however many rows it gets. Column types are declared once per
// table; a row names the columns it writes.
import { Prisma } from "~/generated/prisma/client";

const COLUMN_TYPES = {
  Candidate: {
    id: "text",
    name: "text",
    email: "text",
    emailKey: "text",
    phone: "text",
    timeZone: "text",
    locale: "text",
    createdAt: "timestamp(3)",
    updatedAt: "timestamp(3)",
  },
  Application: {
    id: "text",
    candidateId: "text",
    jobId: "text",
    stageId: "text",
    status: `"ApplicationStatus"`,
    source: "text",
    appliedAt: "timestamp(3)",
    closedAt: "timestamp(3)",
    outcomeReason: "text",
    statusTokenHash: "text",
    furthestPosition: "int",
    createdAt: "timestamp(3)",
    updatedAt: "timestamp(3)",
  },
  Event: {
    id: "text",
    applicationId: "text",
    type: `"EventType"`,
    visibility: `"Visibility"`,
    occurredAt: "timestamp(3)",
    recordedAt: "timestamp(3)",
    actorId: "text",
    data: "jsonb",
  },
  AuditLog: {
    id: "text",
    actorId: "text",
    action: "text",
    entityType: "text",
    entityId: "text",
    data: "jsonb",
    createdAt: "timestamp(3)",
  },
  SlaClock: {
    id: "text",
    applicationId: "text",
    jobId: "text",
    metric: `"SlaMetric"`,
    instance: "int",
    state: `"ClockState"`,
    startedAt: "timestamp(3)",
    dueAt: "timestamp(3)",
    warnAt: "timestamp(3)",
    stoppedAt: "timestamp(3)",
    breached: "boolean",
    businessHours: "boolean",
    targetMinutes: "int",
    remainingMinutes: "double precision",
    stageId: "text",
    policyId: "text",
    updatedAt: "timestamp(3)",
  },
  StageStay: {
    applicationId: "text",
    sequence: "int",
    jobId: "text",
    stageId: "text",
    enteredAt: "timestamp(3)",
    leftAt: "timestamp(3)",
  },
  Message: {
    id: "text",
    applicationId: "text",
    direction: `"MessageDirection"`,
    audience: `"MessageAudience"`,
    status: `"MessageStatus"`,
    kind: `"TemplateKind"`,
    templateId: "text",
    templateVersion: "int",
    fromAddress: "text",
    toAddress: "text",
    replyTo: "text",
    subject: "text",
    bodyText: "text",
    bodyHtml: "text",
    headerMessageId: "text",
    automated: "boolean",
    awaitsCandidate: "boolean",
    scheduledFor: "timestamp(3)",
    nextAttemptAt: "timestamp(3)",
    createdById: "text",
    createdAt: "timestamp(3)",
    updatedAt: "timestamp(3)",
  },
} as const;

export type Table = keyof typeof COLUMN_TYPES;
export type Row<T extends Table> = Partial<Record<keyof (typeof COLUMN_TYPES)[T], unknown>>;

const quoted = (name: string) => `"${name}"`;

function recordset<T extends Table>(table: T, rows: Row<T>[]): { columns: string[]; from: Prisma.Sql } {
  if (rows.length === 0) throw new Error(`No ${table} rows to write.`);
  const types = COLUMN_TYPES[table] as Record<string, string>;
  const columns = Object.keys(rows[0]!);
  const definition = columns.map((column) => `${quoted(column)} ${types[column]}`).join(", ");
  const json = JSON.stringify(rows);
  return { columns, from: Prisma.sql`jsonb_to_recordset(${json}::jsonb) AS r(${Prisma.raw(definition)})` };
}

/** One INSERT of every row; with `upsert`, rows whose key exists update the listed columns instead. */
export function insertRows<T extends Table>(
  table: T,
  rows: Row<T>[],
  upsert?: { key: string[]; update: string[] },
): Prisma.Sql {
  const { columns, from } = recordset(table, rows);
  const list = Prisma.raw(columns.map(quoted).join(", "));
  const conflict = upsert
    ? Prisma.raw(
        ` ON CONFLICT (${upsert.key.map(quoted).join(", ")}) DO UPDATE SET ${upsert.update
          .map((column) => `${quoted(column)} = EXCLUDED.${quoted(column)}`)
          .join(", ")}`,
      )
    : Prisma.empty;
  return Prisma.sql`INSERT INTO ${Prisma.raw(quoted(table))} (${list}) SELECT ${list} FROM ${from}${conflict}`;
}

/** One UPDATE setting every row's other columns on the row its `key` columns name. */
export function updateRows<T extends Table>(table: T, key: string[], rows: Row<T>[]): Prisma.Sql {
  const { columns, from } = recordset(table, rows);
  const set = columns.filter((column) => !key.includes(column)).map((c) => `${quoted(c)} = r.${quoted(c)}`);
  const where = key.map((column) => `t.${quoted(column)} = r.${quoted(column)}`).join(" AND ");
  return Prisma.sql`UPDATE ${Prisma.raw(quoted(table))} AS t SET ${Prisma.raw(set.join(", "))} FROM ${from} WHERE ${Prisma.raw(where)}`;
}

// Queuing webhook deliveries in the transaction of the change they report (docs/webhooks.md). Each function returns
// or runs one INSERT … SELECT that joins the change's rows with the endpoints subscribed to their event, so a workspace
// without endpoints pays nothing but a join with an empty table: appendEvents sends its statement inside the batch it
// already sends, and the outcome refresh and the SLA sweep fold theirs into statements they already run.
// Bodies are rendered here, once, in SQL, as the exact text that is signed and sent. Row ids are the webhook-id and are
// deterministic (the event, the endpoint, and for clocks and outcomes the instant), so replaying a change cannot queue
// the same delivery twice.
import { Prisma } from "~/generated/prisma/client";
import type { EventType } from "~/domain/applications";
import { webhookPayloadOf } from "~/domain/webhooks/payloads";

/** The connector ids an application came with (ExternalRecord), for receivers that are themselves an ATS. */
const EXTERNAL_IDS = (application: Prisma.Sql) => Prisma.sql`
  (SELECT coalesce(jsonb_agg(jsonb_build_object('connectorId', r."connectorId", 'externalId', r."externalId")
                              ORDER BY r."connectorId", r."externalId"), '[]'::jsonb)
     FROM "ExternalRecord" r WHERE r."applicationId" = ${application}.id AND r.kind = 'application')`;

/** `{"type":…,"timestamp":…,"data":{applicationId, candidateId, jobId, …extra, externalIds}}` as text. */
function body(type: Prisma.Sql, at: Prisma.Sql, application: Prisma.Sql, extra: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    '{"type":' || to_json((${type})::text)::text
      || ',"timestamp":' || to_json((${at})::text)::text
      || ',"data":' || (jsonb_build_object('applicationId', ${application}.id,
                                           'candidateId', ${application}."candidateId",
                                           'jobId', ${application}."jobId")
                        || ${extra}
                        || jsonb_build_object('externalIds', ${EXTERNAL_IDS(application)}))::text
      || '}'`;
}

/** The endpoints that receive `type`: live ones subscribed to it. */
const SUBSCRIBED = (type: Prisma.Sql) => Prisma.sql`
  "WebhookEndpoint" w ON w."disabledAt" IS NULL AND ${type} = ANY(w.events)`;

const COLUMNS = Prisma.sql`
  (id, "endpointId", "eventType", body, "applicationId", "candidateId", status, "nextAttemptAt", "createdAt",
   "updatedAt")`;

const ISO = (instant: Prisma.Sql) => Prisma.sql`to_char(${instant}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export type EmittedEvent = { id: string; applicationId: string; type: EventType; data: unknown; occurredAt: Date };

/**
 * The statement that queues the webhook deliveries of these touchpoints, for appendEvents' batch
 * (app/platform/sql-together.server.ts: it reads Application and WebhookEndpoint and writes only HttpDelivery); null
 * when none of them is a webhook event.
 */
export function webhookDeliveriesOf(events: EmittedEvent[], now: Date): Prisma.Sql | null {
  const rows = events.flatMap((event) => {
    const payload = webhookPayloadOf(event.type, event.data);
    return payload ? [[event.id, event.applicationId, payload.type, event.occurredAt.toISOString(), payload.data]] : [];
  });
  if (rows.length === 0) return null;
  const at = Prisma.sql`${now.toISOString()}::timestamp(3)`;
  return Prisma.sql`
    INSERT INTO "HttpDelivery" ${COLUMNS}
    SELECT 'msg_' || (x->>0) || '_' || w.id, w.id, x->>2,
           ${body(Prisma.sql`x->>2`, Prisma.sql`x->>3`, Prisma.sql`a`, Prisma.sql`(x->4)`)},
           a.id, a."candidateId", 'queued'::"HttpDeliveryStatus", ${at}, ${at}, ${at}
      FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) AS x
      JOIN "Application" a ON a.id = x->>1
      JOIN ${SUBSCRIBED(Prisma.sql`(x->>2)`)}
    ON CONFLICT (id) DO NOTHING`;
}

/**
 * Wraps an UPDATE of Application."outcomeToldAt" (that RETURNs `id`, `was` — the value before — and `at`) into the
 * statement that also queues candidate.told for each application whose outcomeToldAt went from null to a time, and
 * answers those applications' ids.
 */
export function withCandidateToldDeliveries(update: Prisma.Sql, now: Date): Prisma.Sql {
  const at = Prisma.sql`${now.toISOString()}::timestamp(3)`;
  return Prisma.sql`
    WITH changed AS (${update}),
    told AS (
      SELECT a.*, c.at AS "toldAt" FROM changed c JOIN "Application" a ON a.id = c.id
       WHERE c.was IS NULL AND c.at IS NOT NULL
    ),
    queued AS (
      INSERT INTO "HttpDelivery" ${COLUMNS}
      SELECT 'msg_told_' || a.id || '_' || (extract(epoch FROM a."toldAt") * 1000)::bigint || '_' || w.id, w.id,
             'candidate.told',
             ${body(Prisma.sql`'candidate.told'`, ISO(Prisma.sql`a."toldAt"`), Prisma.sql`a`, Prisma.sql`jsonb_build_object('outcome', a.status)`)},
             a.id, a."candidateId", 'queued'::"HttpDeliveryStatus", ${at}, ${at}, ${at}
        FROM told a JOIN ${SUBSCRIBED(Prisma.sql`'candidate.told'`)}
      ON CONFLICT (id) DO NOTHING
    )
    SELECT id FROM told`;
}

/**
 * Queues sla.breached for the clocks just marked breached and sla.warning for those just warned, in the sweep's
 * transaction. Clocks whose moment lies more than `recentMs` back (history, an import, an outage) are marked without
 * being announced, as the sweep's notifications are.
 */
export async function queueSlaDeliveries(
  db: Prisma.TransactionClient,
  marked: { breached: string[]; warned: string[] },
  now: Date,
  recentMs: number,
): Promise<void> {
  if (marked.breached.length === 0 && marked.warned.length === 0) return;
  const at = Prisma.sql`${now.toISOString()}::timestamp(3)`;
  const since = new Date(now.getTime() - recentMs).toISOString();
  await db.$executeRaw`
    WITH marked AS (
      SELECT c.*, 'sla.breached' AS type, c."dueAt" AS moment FROM "SlaClock" c
       WHERE c.id = ANY(${marked.breached}::text[])
      UNION ALL
      SELECT c.*, 'sla.warning' AS type, c."warnAt" AS moment FROM "SlaClock" c
       WHERE c.id = ANY(${marked.warned}::text[])
    )
    INSERT INTO "HttpDelivery" ${COLUMNS}
    SELECT 'msg_' || replace(m.type, '.', '_') || '_' || m.id || '_' || (extract(epoch FROM m.moment) * 1000)::bigint
             || '_' || w.id,
           w.id, m.type,
           ${body(
             Prisma.sql`m.type`,
             ISO(Prisma.sql`m.moment`),
             Prisma.sql`a`,
             Prisma.sql`jsonb_build_object('clockId', m.id, 'metric', m.metric, 'dueAt', ${ISO(Prisma.sql`m."dueAt"`)},
                                           'stageId', m."stageId", 'interviewId', m."interviewId")`,
           )},
           a.id, a."candidateId", 'queued'::"HttpDeliveryStatus", ${at}, ${at}, ${at}
      FROM marked m
      JOIN "Application" a ON a.id = m."applicationId"
      JOIN ${SUBSCRIBED(Prisma.sql`m.type`)}
     WHERE m.moment >= ${since}::timestamp(3)
    ON CONFLICT (id) DO NOTHING`;
}

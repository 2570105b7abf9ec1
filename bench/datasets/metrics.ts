// The metrics benchmark's workspace: 40 jobs in 6 departments, 20 staff, 100,000 candidates with one application
// each over the last 18 months, 2,000,000 touchpoint events, their materialised SLA clocks, emails for a share of the
// messages and survey answers for about a tenth of the closed applications. Written with set-based SQL (INSERT …
// SELECT over generate_series) on one connection in one transaction: row-by-row model calls would take hours.
//
// Every random choice is a hash of (seed, row number), so a seed and `now` fix the data. Histories follow one plan per
// application (how far it gets, how long it takes, how it ends, how fast people answer); the SLA clocks are then
// derived from the written events with the rules of docs/sla.md and the default policy and schedule (Mon–Fri
// 09:00–17:00 UTC, business-hours targets), so they are the rows the clock engine would store:
// tests/integration/bench-metrics-dataset.test.ts replays a small dataset through the engine and compares every row.
//
// Status links are stored as hashes of a fixed string (unique, but no link opens a status page).
import { SET_EVERY_OUTCOME_TOLD } from "~/models/metrics/outcome-told.server";
import { INSERT_EVERY_STAGE_STAY, SET_EVERY_FURTHEST_POSITION } from "~/models/metrics/stage-stays.server";
import { NOTE_EVERY_PROMISE_SHOWN } from "~/models/sla/clocks.server";
import { database } from "~/platform/db.server";
import type { Actor } from "~/models/scope.server";

export type MetricsDatasetOptions = {
  applications?: number;
  /** Total events (status-page views fill up whatever the histories leave); more are written when histories need it. */
  events?: number;
  seed?: number;
  now?: Date;
};

export type MetricsDataset = {
  now: Date;
  admin: Actor;
  /** A hiring manager with three Engineering jobs, for the scoped view. */
  hiringManager: Actor;
  /** The job with the most applications, and a department, for the filtered measurements. */
  jobId: string;
  department: string;
  counts: Record<string, number>;
  /** How long each step took, in milliseconds, and the whole build. */
  steps: { step: string; ms: number }[];
  buildMs: number;
};

type StageSpec = { name: string; kind: "applied" | "screen" | "interview" | "assessment" | "offer"; minutes?: number };

const PIPELINES: Record<string, StageSpec[]> = {
  engineering: [
    { name: "Applied", kind: "applied" },
    { name: "Phone screen", kind: "screen", minutes: 2 * 480 },
    { name: "Take-home", kind: "assessment" },
    { name: "Interviews", kind: "interview", minutes: 3 * 480 },
    { name: "Offer", kind: "offer" },
  ],
  sales: [
    { name: "Applied", kind: "applied" },
    { name: "Recruiter screen", kind: "screen", minutes: 480 },
    { name: "Interview", kind: "interview", minutes: 2 * 480 },
    { name: "Final interview", kind: "interview" },
    { name: "Offer", kind: "offer" },
  ],
  short: [
    { name: "Applied", kind: "applied" },
    { name: "Screen", kind: "screen" },
    { name: "Interview", kind: "interview", minutes: 2 * 480 },
    { name: "Offer", kind: "offer" },
  ],
  marketing: [
    { name: "Applied", kind: "applied" },
    { name: "Screen", kind: "screen" },
    { name: "Portfolio review", kind: "assessment", minutes: 2 * 480 },
    { name: "Interview", kind: "interview" },
    { name: "Final interview", kind: "interview", minutes: 2 * 480 },
    { name: "Offer", kind: "offer" },
  ],
  finance: [
    { name: "Applied", kind: "applied" },
    { name: "Screen", kind: "screen", minutes: 480 },
    { name: "Case study", kind: "assessment" },
    { name: "Interview", kind: "interview", minutes: 3 * 480 },
    { name: "Offer", kind: "offer" },
  ],
};

const DEPARTMENTS: { name: string; pipeline: keyof typeof PIPELINES; managers: number; jobs: string[] }[] = [
  {
    name: "Engineering",
    pipeline: "engineering",
    managers: 3,
    jobs: [
      "Backend Engineer",
      "Frontend Engineer",
      "Platform Engineer",
      "Data Engineer",
      "Site Reliability Engineer",
      "Mobile Engineer",
      "Engineering Manager",
      "QA Engineer",
      "Security Engineer",
      "Machine Learning Engineer",
      "Staff Engineer",
      "Developer Advocate",
    ],
  },
  {
    name: "Sales",
    pipeline: "sales",
    managers: 2,
    jobs: [
      "Account Executive",
      "Senior Account Executive",
      "Sales Development Representative",
      "Solutions Engineer",
      "Sales Manager DACH",
      "Partner Manager",
      "Sales Operations Analyst",
      "Enterprise Account Executive",
    ],
  },
  {
    name: "Customer Support",
    pipeline: "short",
    managers: 2,
    jobs: [
      "Support Specialist",
      "Senior Support Specialist",
      "Support Team Lead",
      "Technical Support Engineer",
      "Customer Success Manager",
      "Onboarding Specialist",
    ],
  },
  {
    name: "Marketing",
    pipeline: "marketing",
    managers: 1,
    jobs: ["Product Marketing Manager", "Content Designer", "Growth Marketer", "Brand Designer", "Marketing Analyst"],
  },
  {
    name: "Operations",
    pipeline: "short",
    managers: 1,
    jobs: ["Office Manager", "People Partner", "IT Administrator", "Recruiting Coordinator", "Workplace Lead"],
  },
  {
    name: "Finance",
    pipeline: "finance",
    managers: 1,
    jobs: ["Financial Analyst", "Accountant", "Payroll Specialist", "Controller"],
  },
];

const RECRUITERS = ["Rosa Reyes", "Jonas Keller", "Amira Haddad", "Tom Becker", "Lena Fischer"];
const MANAGERS = [
  "Priya Natarajan",
  "Marco Rossi",
  "Sophie Wagner",
  "Daniel Ortiz",
  "Hannah Schulz",
  "Kofi Mensah",
  "Elena Petrova",
  "Lukas Braun",
  "Mia Hoffmann",
  "Omar Farouk",
];
const INTERVIEWERS = ["Ivy Chen", "Felix Wolf", "Nora Lindqvist", "Ben Adeyemi"];

const FIRST_NAMES = [
  "Anna", "Ben", "Clara", "David", "Eva", "Felix", "Greta", "Hugo", "Ida", "Jan", "Karin", "Leon", "Maria", "Noah",
  "Olivia", "Paul", "Quinn", "Rita", "Samir", "Tina", "Umut", "Vera", "William", "Xenia", "Yusuf", "Zoe", "Aisha",
  "Bruno", "Chloe", "Dmitri", "Elif", "Farah", "Gabriel", "Hana", "Ivan", "Julia", "Kenji", "Lucia", "Mateo", "Nina",
]; // prettier-ignore
const LAST_NAMES = [
  "Müller", "Schmidt", "Smith", "Johnson", "Novak", "Kowalski", "Rossi", "Dubois", "García", "Silva", "Yilmaz",
  "Kaya", "Jansen", "de Vries", "Nielsen", "Berg", "O'Brien", "Murphy", "Patel", "Sharma", "Chen", "Wang", "Kim",
  "Nguyen", "Okafor", "Mensah", "Ivanova", "Horvat", "Costa", "Lopez", "Weber", "Meyer", "Wagner", "Becker", "Hall",
  "Young", "King", "Wright", "Scott", "Green",
]; // prettier-ignore

/** An SQL string literal of a constant of this file. */
const text = (value: string) => `'${value.replace(/'/g, "''")}'`;
const textArray = (values: string[]) => `ARRAY[${values.map(text).join(", ")}]`;
const timestamp = (date: Date) => `TIMESTAMP ${text(date.toISOString().replace("T", " ").replace("Z", ""))}`;

/** Creates the dataset in the app's database (which must be migrated and otherwise empty of these ids). */
export async function createMetricsDataset(options: MetricsDatasetOptions = {}): Promise<MetricsDataset> {
  const applications = options.applications ?? 100_000;
  const events = options.events ?? 20 * applications;
  const seed = options.seed ?? 6;
  const now = new Date(Math.floor((options.now ?? new Date()).getTime() / 1000) * 1000);
  const sql = datasetSql({ applications, events, seed, now });
  const steps: { step: string; ms: number }[] = [];
  const started = performance.now();
  const counts = await database.withConnection(async (script) => {
    await script("BEGIN");
    // Foreign-key triggers would double the load time; they are off for this transaction only (replica role), and the
    // last step checks every foreign key set-based instead, so the data still satisfies all of them.
    await script(
      "SET LOCAL work_mem = '256MB'; SET LOCAL maintenance_work_mem = '512MB'; SET LOCAL session_replication_role = replica",
    );
    try {
      // Secondary indexes of the big tables are built once after the load rather than kept up row by row (about a
      // third of the load time). Read from the catalogue, so indexes added by later migrations are rebuilt too.
      const indexes = (await script(
        `SELECT indexname, indexdef FROM pg_indexes
          WHERE schemaname = 'public' AND tablename IN ('Event', 'SlaClock', 'Message', 'StageStay') AND indexname NOT LIKE '%_pkey'`,
      )) as { indexname: string; indexdef: string }[];
      await script(indexes.map((index) => `DROP INDEX "${index.indexname}";`).join("\n"));
      sql.push(["indexes rebuilt", indexes.map((index) => `${index.indexdef};`).join("\n")]);
      // Probes each closed application's emails and outbox by index, so it runs once they are rebuilt and the planner
      // knows the tables are no longer empty (without statistics it would scan the whole log per application).
      sql.push(['statistics for "when told"', `ANALYZE "Application", "Event", "Message";`]);
      sql.push(["outcomes told", SET_EVERY_OUTCOME_TOLD.text]);
      for (const [step, statement] of sql) {
        const stepStarted = performance.now();
        await script(statement);
        steps.push({ step, ms: Math.round(performance.now() - stepStarted) });
      }
      await script("COMMIT");
    } catch (error) {
      await script("ROLLBACK");
      throw error;
    }
    const [row] = await script(`SELECT
      (SELECT count(*) FROM "Application" WHERE id LIKE 'ca%')::int AS applications,
      (SELECT count(*) FROM "Event" WHERE id LIKE 'ce%')::int AS events,
      (SELECT count(*) FROM "SlaClock" WHERE id LIKE 'ck%')::int AS clocks,
      (SELECT count(*) FROM "Message" WHERE id LIKE 'cm%')::int AS messages,
      (SELECT count(*) FROM "SurveyResponse" WHERE id LIKE 'cs%')::int AS "surveyResponses"`);
    return row as Record<string, number>;
  });
  return {
    now,
    admin: { id: "cu-admin", role: "admin" },
    hiringManager: { id: "cu-manager-00", role: "hiring_manager" },
    jobId: "cj-00",
    department: "Engineering",
    counts: { ...counts, jobs: DEPARTMENTS.reduce((sum, department) => sum + department.jobs.length, 0) },
    steps,
    buildMs: Math.round(performance.now() - started),
  };
}

/** The statements that write the dataset, in order, each with a label for the timings. */
function datasetSql({
  applications: N,
  events: E,
  seed,
  now,
}: {
  applications: number;
  events: number;
  seed: number;
  now: Date;
}): [string, string][] {
  const NOW = timestamp(now);
  /** A uniform number in (0, 1) fixed by the seed, a salt (one per decision) and an integer key (row number). */
  const u = (salt: number, key: string) =>
    `(((hashint8extended((${key})::int8, ${seed * 1000 + salt}) & 2147483647)::float8 + 0.5) / 2147483648.0)`;
  /** An integer in [0, modulus). */
  const pick = (salt: number, key: string, modulus: number | string) =>
    `((hashint8extended((${key})::int8, ${seed * 1000 + salt}) & 2147483647) % (${modulus}))::int`;
  /** An exponentially distributed duration with the given mean. */
  const exp = (salt: number, key: string, mean: string) => `(-ln(${u(salt, key)}) * interval '${mean}')`;

  const staff: string[] = [`('cu-admin', 'admin@bench.example.com', 'Ada Admin', 'admin')`];
  RECRUITERS.forEach((name, index) =>
    staff.push(`('cu-recruiter-${index}', ${text(`recruiter${index}@bench.example.com`)}, ${text(name)}, 'recruiter')`),
  );
  MANAGERS.forEach((name, index) =>
    staff.push(
      `('cu-manager-${String(index).padStart(2, "0")}', ${text(`manager${index}@bench.example.com`)}, ${text(name)}, 'hiring_manager')`,
    ),
  );
  INTERVIEWERS.forEach((name, index) =>
    staff.push(
      `('cu-interviewer-${index}', ${text(`interviewer${index}@bench.example.com`)}, ${text(name)}, 'interviewer')`,
    ),
  );

  const jobs: string[] = [];
  const stages: string[] = [];
  let jobNo = 0;
  let managerNo = 0;
  for (const department of DEPARTMENTS) {
    department.jobs.forEach((title, index) => {
      const jobId = `cj-${String(jobNo).padStart(2, "0")}`;
      const manager = `cu-manager-${String(managerNo + (index % department.managers)).padStart(2, "0")}`;
      const status = jobNo % 8 === 7 ? "closed" : jobNo % 13 === 12 ? "on_hold" : "open";
      const pipeline = PIPELINES[department.pipeline]!;
      jobs.push(
        `(${jobNo}, ${text(jobId)}, ${text(title)}, ${text(department.name)}, ${text(status)}, ${text(manager)}, 'cu-recruiter-${jobNo % RECRUITERS.length}', ${pipeline.length})`,
      );
      pipeline.forEach((stage, position) =>
        stages.push(
          `(${jobNo}, ${position}, ${text(`${jobId}-s${position}`)}, ${text(stage.name)}, ${text(stage.kind)}, ${stage.minutes ?? "NULL"})`,
        ),
      );
      jobNo += 1;
    });
    managerNo += department.managers;
  }
  const JOBS = jobNo;

  // The default policy's targets (migration 20261122225031_sla_engine): minutes of business time, warning before.
  const TARGET = { first_response: 960, next_response: 480, periodic_update: 1440, stage_decision: 2400, closure: 480 };
  const WARN = { first_response: 240, next_response: 120, periodic_update: 240, stage_decision: 480, closure: 120 };

  const statements: [string, string][] = [
    [
      "staff, jobs and stages",
      `CREATE TEMP TABLE bench_job (job_no int PRIMARY KEY, job_id text, title text, department text, status text,
                                    manager_id text, recruiter_id text, stage_count int) ON COMMIT DROP;
       INSERT INTO bench_job VALUES ${jobs.join(",\n")};
       CREATE TEMP TABLE bench_stage (job_no int, position int, stage_id text, name text, kind text, minutes int,
                                      PRIMARY KEY (job_no, position)) ON COMMIT DROP;
       INSERT INTO bench_stage VALUES ${stages.join(",\n")};
       INSERT INTO "User" (id, email, name, role, "timeZone", "createdAt", "updatedAt")
       SELECT id, email, name, role::"Role", 'Europe/Berlin', ${NOW} - interval '700 days', ${NOW}
         FROM (VALUES ${staff.join(",\n")}) AS s (id, email, name, role);
       INSERT INTO "Job" (id, title, department, location, status, "hiringManagerId", "recruiterId", "createdAt",
                          "updatedAt")
       SELECT job_id, title, department, CASE WHEN job_no % 3 = 0 THEN 'Remote' ELSE 'Berlin' END,
              status::"JobStatus", manager_id, recruiter_id, ${NOW} - interval '600 days' + job_no * interval '5 days',
              ${NOW} - interval '30 days'
         FROM bench_job;
       INSERT INTO "Stage" (id, "jobId", name, kind, position, "decisionMinutes")
       SELECT s.stage_id, j.job_id, s.name, s.kind::"StageKind", s.position, s.minutes
         FROM bench_stage s JOIN bench_job j USING (job_no);`,
    ],
    [
      "application plans",
      // Application n applies at a fixed quantile of a distribution that grows towards now (about a quarter of the
      // 18 months' applications fall in the last 90 days), so ids follow application dates like cuids do.
      // k: the stages it advances through (45 % pass the first, fewer after); d: how long its process takes.
      `CREATE TEMP TABLE bench_plan ON COMMIT DROP AS
       WITH base AS MATERIALIZED (
         SELECT n, (floor(${JOBS} * power(${u(1, "n")}, 1.6))::int * 17) % ${JOBS} AS job_no,
                date_trunc('milliseconds', ${NOW} - 540 * power(((${N} - n)::float8 + 0.5) / ${N}, 1.25) * interval '1 day'
                  - ${u(2, "n")} * interval '1 hour') AS applied_at,
                ${u(3, "n")} AS u_k, ${u(4, "n")} AS u_d, ${u(5, "n")} AS u_close, ${u(6, "n")} AS u_outcome
           FROM generate_series(1, ${N}) AS n
       ), planned AS MATERIALIZED (
         SELECT b.*, j.job_id, j.title, j.manager_id, j.recruiter_id, j.stage_count,
                least(j.stage_count - 1, floor(ln(u_k) / ln(0.45)))::int AS k
           FROM base b JOIN bench_job j USING (job_no)
       ), timed AS MATERIALIZED (
         SELECT p.*, (k + 1) * (2 + 10 * u_d) * interval '1 day' AS duration FROM planned p
       ), decided AS MATERIALIZED (
         SELECT t.*,
                CASE WHEN applied_at + duration >= ${NOW} - interval '1 hour' OR u_close >= 0.97 THEN 'active'
                     WHEN k = stage_count - 1 THEN
                       CASE WHEN u_outcome < 0.6 THEN 'hired' WHEN u_outcome < 0.8 THEN 'withdrawn' ELSE 'rejected' END
                     WHEN u_outcome < 0.12 THEN 'withdrawn' ELSE 'rejected' END AS outcome
           FROM timed t
       ), closed AS MATERIALIZED (
         SELECT d.*, CASE WHEN outcome <> 'active' THEN applied_at + duration END AS closed_at FROM decided d
       ), told AS MATERIALIZED (
         SELECT c.*, coalesce(closed_at, ${NOW}) AS end_at,
                CASE WHEN outcome = 'rejected' AND ${u(7, "n")} < 0.85
                          AND closed_at + interval '5 minutes' + ${exp(8, "n", "20 hours")} < ${NOW}
                     THEN date_trunc('milliseconds', closed_at + interval '5 minutes' + ${exp(8, "n", "20 hours")})
                END AS told_at
           FROM closed c
       ), surveyed AS MATERIALIZED (
         SELECT t.*,
                CASE WHEN (outcome = 'hired' OR told_at IS NOT NULL)
                          AND greatest(closed_at, told_at) + interval '3 days 2 hours' + ${u(9, "n")} * interval '1 day' < ${NOW}
                     THEN date_trunc('milliseconds',
                            greatest(closed_at, told_at) + interval '3 days' + ${u(9, "n")} * interval '1 day')
                END AS survey_at
           FROM told t
       )
       SELECT s.*, 'ca' || lpad(n::text, 8, '0') AS app_id, 'cc' || lpad(n::text, 8, '0') AS cand_id,
              CASE WHEN survey_at IS NOT NULL AND ${u(10, "n")} < 0.12
                        AND survey_at + interval '2 hours 1 minute' + ${u(11, "n")} * interval '5 days' < ${NOW}
                   THEN date_trunc('milliseconds', survey_at + interval '2 hours 1 minute' + ${u(11, "n")} * interval '5 days')
              END AS answered_at,
              outcome <> 'active' AND closed_at < ${NOW} - interval '60 days' AND ${u(12, "n")} < 0.003 AS erased,
              ${pick(13, "n", 6)} AS reason_no,
              least(10, greatest(0, round(CASE outcome WHEN 'hired' THEN 9 WHEN 'withdrawn' THEN 6.5 ELSE 5.5 END
                + (CASE WHEN told_at < closed_at + interval '1 day' THEN 1.5 ELSE 0 END)
                + (${u(60, "n")} - 0.5) * 7)))::int AS nps,
              (${textArray(FIRST_NAMES)})[1 + ${pick(14, "n", FIRST_NAMES.length)}] || ' ' ||
                (${textArray(LAST_NAMES)})[1 + ${pick(15, "n", LAST_NAMES.length)}] AS name
         FROM surveyed s;
       ALTER TABLE bench_plan ADD PRIMARY KEY (n);
       ANALYZE bench_plan;`,
    ],
    ["event histories", eventHistoriesSql({ NOW, N, u, pick, exp })],
    [
      "candidates and applications",
      `INSERT INTO "Candidate" (id, name, email, "emailKey", "timeZone", locale, "createdAt", "updatedAt", "erasedAt")
       SELECT cand_id, CASE WHEN erased THEN 'Erased candidate' ELSE name END, email, email,
              (ARRAY['Europe/Berlin', 'Europe/London', 'America/New_York', 'Europe/Vienna', 'Asia/Kolkata'])[1 + n % 5],
              CASE WHEN n % 5 IN (0, 3) THEN 'de' ELSE 'en' END, applied_at, coalesce(closed_at, applied_at),
              CASE WHEN erased THEN closed_at + interval '30 days' END
         FROM (SELECT p.*, CASE WHEN erased THEN 'erased+' || cand_id || '@erased.invalid'
                                ELSE lower(translate(name, ' ''üéçí', '..ueci')) || '.' || n || '@example.org' END AS email
                 FROM bench_plan p) AS p;
       INSERT INTO "Application" (id, "candidateId", "jobId", "stageId", status, source, "appliedAt", "closedAt",
                                  "outcomeReason", "statusTokenHash", "createdAt", "updatedAt")
       SELECT p.app_id, p.cand_id, p.job_id, p.job_id || '-s' || coalesce(s.position, 0), p.outcome::"ApplicationStatus",
              CASE WHEN NOT erased THEN (ARRAY['Careers page', 'Careers page', 'LinkedIn', 'Referral', 'Indeed',
                                               'Agency'])[1 + ${pick(16, "n", 6)}] END,
              p.applied_at, p.closed_at, ${outcomeReason("p")},
              encode(sha256(convert_to('bench-status:' || p.app_id, 'UTF8')), 'hex'), p.applied_at,
              coalesce(p.closed_at, p.applied_at)
         FROM bench_plan p
         LEFT JOIN (SELECT n, max(to_pos) AS position FROM bench_ev WHERE type = 'stage_changed' GROUP BY n) AS s USING (n)
        ORDER BY p.n;`,
    ],
    [
      "events",
      // Status-page views fill the log up to the requested size; everything goes in in time order, like a real log.
      `INSERT INTO "Event" (id, "applicationId", type, visibility, "occurredAt", "recordedAt", "actorId", data)
       SELECT id, app_id, type::"EventType", vis::"Visibility", at, at, actor_id, data
         FROM (SELECT 'ce' || lpad(e.n::text, 8, '0') || lpad(e.sub::text, 3, '0') AS id, p.app_id, e.type, e.vis,
                      e.at, e.actor_id,
                      CASE WHEN e.has_message AND e.type = 'message_out'
                           THEN e.data || jsonb_build_object('messageId', 'cm' || lpad(e.n::text, 8, '0') || lpad(e.sub::text, 3, '0'))
                           ELSE e.data END AS data
                 FROM bench_ev e JOIN bench_plan p USING (n)
               UNION ALL
               SELECT 'ce' || lpad(p.n::text, 8, '0') || 'v' || g, p.app_id, 'status_viewed', 'internal',
                      date_trunc('milliseconds', p.applied_at
                        + (least(${NOW}, p.end_at + interval '21 days') - p.applied_at) * ${u(40, "g")}),
                      NULL, '{}'::jsonb
                 FROM generate_series(1, greatest(0, ${E} - (SELECT count(*) FROM bench_ev))) AS g
                 JOIN bench_plan p ON p.n = 1 + ${pick(41, "g", N)}) AS e
        ORDER BY at, id;
       INSERT INTO "ApplicationInterviewer" ("applicationId", "userId", "createdAt")
       SELECT p.app_id, e.actor_id, min(e.at) FROM bench_ev e JOIN bench_plan p USING (n)
        WHERE e.type = 'interview' GROUP BY p.app_id, e.actor_id;`,
    ],
    [
      "messages",
      `INSERT INTO "Message" (id, "applicationId", direction, audience, status, kind, "fromAddress", "toAddress",
                              subject, "bodyText", "headerMessageId", "inReplyTo", automated, "scheduledFor", "sentAt",
                              "receivedAt", "eventId", "createdById", "createdAt", "updatedAt")
       SELECT 'cm' || suffix, p.app_id,
              CASE WHEN out THEN 'outbound' ELSE 'inbound' END::"MessageDirection", 'candidate',
              CASE WHEN out THEN 'sent' ELSE 'received' END::"MessageStatus", e.kind::"TemplateKind",
              CASE WHEN out THEN 'jobs@bench.example.com' ELSE c.email END,
              CASE WHEN out THEN c.email ELSE 'jobs@bench.example.com' END,
              coalesce(e.data->>'subject', ''), e.data->>'body', '<cm' || suffix || '@bench.example.com>',
              NULL, e.automated, CASE WHEN out THEN e.at END, CASE WHEN out THEN e.at END,
              CASE WHEN NOT out THEN e.at END, 'ce' || suffix, e.actor_id, e.at, e.at
         FROM (SELECT e.*, e.type = 'message_out' AS out, lpad(e.n::text, 8, '0') || lpad(e.sub::text, 3, '0') AS suffix
                 FROM bench_ev e WHERE e.has_message) AS e
         JOIN bench_plan p USING (n) JOIN "Candidate" c ON c.id = p.cand_id
        ORDER BY e.at, suffix;`,
    ],
    ["SLA clocks", clocksSql({ NOW, TARGET, WARN })],
    // The app's own statements for what it materialises from the log as touchpoints are appended.
    ["promises shown", NOTE_EVERY_PROMISE_SHOWN.text],
    ["stage stays", INSERT_EVERY_STAGE_STAY.text],
    ["furthest stages", SET_EVERY_FURTHEST_POSITION.text],
    [
      "survey answers",
      `INSERT INTO "SurveyResponse" (id, "applicationId", nps, effort, "knewNext", "frictionTags", comment, "createdAt")
       SELECT 'cs' || lpad(n::text, 8, '0'), app_id, nps,
              least(5, greatest(1, 3 + round((5 - nps) / 3.0 + ${u(50, "n")} * 2 - 1)))::int,
              CASE WHEN told_at IS NOT NULL AND told_at < closed_at + interval '2 days' OR outcome = 'hired' THEN 'yes'
                   WHEN ${u(51, "n")} < 0.5 THEN 'partly' ELSE 'no' END,
              array_remove(ARRAY[
                CASE WHEN ${u(52, "n")} < 0.08 THEN 'rescheduling' END,
                CASE WHEN ${u(53, "n")} < 0.10 THEN 'repeating_myself' END,
                CASE WHEN ${u(54, "n")} < 0.12 THEN 'unanswered_question' END,
                CASE WHEN nps <= 6 AND ${u(55, "n")} < 0.45 THEN 'long_silence' END,
                CASE WHEN ${u(56, "n")} < 0.15 THEN 'unclear_next_step' END,
                CASE WHEN ${u(57, "n")} < 0.03 THEN 'other' END], NULL),
              CASE WHEN erased THEN NULL WHEN ${u(58, "n")} < 0.2
                   THEN (ARRAY['Quick and friendly, thank you.', 'I waited a long time without hearing anything.',
                               'The interviews were well organised.', 'Nobody answered my question about the salary range.',
                               'Clear steps, and I knew what would happen next.'])[1 + ${pick(59, "n", 5)}] END,
              answered_at
         FROM bench_plan p WHERE answered_at IS NOT NULL
        ORDER BY answered_at;`,
    ],
    [
      "foreign keys checked",
      `DO $$
       DECLARE fk record; orphans bigint;
       BEGIN
         FOR fk IN
           SELECT c.conname, c.conrelid::regclass AS child, c.confrelid::regclass AS parent, a.attname AS child_column,
                  pa.attname AS parent_column
             FROM pg_constraint c
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
             JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
            WHERE c.contype = 'f' AND cardinality(c.conkey) = 1 AND c.connamespace = 'public'::regnamespace
         LOOP
           EXECUTE format('SELECT count(*) FROM %s x WHERE x.%I IS NOT NULL
                             AND NOT EXISTS (SELECT 1 FROM %s y WHERE y.%I = x.%I)',
                          fk.child, fk.child_column, fk.parent, fk.parent_column, fk.child_column) INTO orphans;
           IF orphans > 0 THEN RAISE EXCEPTION 'The metrics dataset breaks %: % rows', fk.conname, orphans; END IF;
         END LOOP;
       END $$;`,
    ],
  ];
  return statements;
}

function outcomeReason(plan: string): string {
  return `CASE ${plan}.outcome
            WHEN 'rejected' THEN (ARRAY['Not enough experience with the main tools', 'Salary expectations too far apart',
              'Another candidate was a closer fit', 'Role needs German at C1 level', 'Not available early enough',
              'Did not pass the assessment'])[1 + ${plan}.reason_no]
            WHEN 'withdrawn' THEN (ARRAY['Accepted another offer', 'Stayed with current employer', 'Relocation not possible',
              'No reason given', 'Process took too long', 'Accepted another offer'])[1 + ${plan}.reason_no] END`;
}

type Random = {
  NOW: string;
  N: number;
  u: (salt: number, key: string) => string;
  pick: (salt: number, key: string, modulus: number | string) => string;
  exp: (salt: number, key: string, mean: string) => string;
};

/**
 * bench_ev: every event of every history except the status-page views, with what the clocks and emails need. `sub`
 * numbers an application's events (unique per application; it also names the event and email ids).
 */
function eventHistoriesSql({ u, pick, exp }: Random): string {
  const key = (sub: string) => `p.n * 1000 + ${sub}`;
  const msg = (salt: number, sub: string) => `${u(salt, key(sub))} < 0.4`;
  const out = (subject: string, body: string, automated: boolean) =>
    `jsonb_build_object('subject', ${subject}, 'body', ${body}, 'automated', ${automated}, 'awaitsCandidate', false)`;
  const replies = textArray([
    "Thanks for your question. The next step is a short call with the hiring manager; we will send times this week.",
    "Good question: the role is hybrid, two days a week in the Berlin office.",
    "Thank you for the update. We have noted your new availability.",
    "We are still reviewing applications and will get back to you by Friday.",
    "Yes, relocation support is part of the offer for this role.",
    "Thanks for sending the documents, they arrived safely.",
  ]);
  const questions = textArray([
    "Could you tell me more about the next steps?",
    "Is this role open to remote work?",
    "I will be travelling next week; could we move the call?",
    "Is there any news on my application?",
    "Does the role include relocation support?",
    "Please find my references attached.",
  ]);
  const notes = textArray([
    "Strong CV, relevant experience in a similar team.",
    "Call went well; clear communicator.",
    "Salary expectation above the band, discuss with the hiring manager.",
    "Asked for a portfolio before the next round.",
    "References check out.",
    "Notice period three months.",
  ]);
  return `CREATE TEMP TABLE bench_ev (n int, sub int, type text, at timestamp, actor_id text, vis text,
                                     automated boolean, kind text, to_pos int, has_message boolean, data jsonb)
            ON COMMIT DROP;
  -- Applied, and the automatic acknowledgement a few minutes later.
  INSERT INTO bench_ev
  SELECT n, 0, 'applied', applied_at, NULL, 'candidate', false, NULL, NULL, false,
         jsonb_build_object('source', 'Careers page') FROM bench_plan p;
  INSERT INTO bench_ev
  SELECT n, 1, 'message_out', at, NULL, 'candidate', true, 'application_received', NULL, ${msg(20, "1")},
         ${out(`'We received your application'`, `'Thank you for applying for ' || title || '. We will be in touch within two working days.'`, true)}
    FROM (SELECT p.*, date_trunc('milliseconds', applied_at + interval '1 minute' + ${u(21, "n")} * interval '4 minutes') AS at
            FROM bench_plan p WHERE ${u(22, "n")} < 0.95) AS p
   WHERE at < end_at;
  -- The first personal answer: most within a day, a slow tail of several days.
  INSERT INTO bench_ev
  SELECT n, 2, 'message_out', at, recruiter_id, 'candidate', false, 'custom', NULL, ${msg(23, "2")},
         ${out(`'Your application for ' || title`, `'Hello ' || split_part(name, ' ', 1) || ', thank you for your application. We are reviewing it and will be in touch about next steps.'`, false)}
    FROM (SELECT p.*, date_trunc('milliseconds', applied_at + interval '5 minutes'
                   + CASE WHEN ${u(24, "n")} < 0.7 THEN ${exp(25, "n", "10 hours")} ELSE ${exp(25, "n", "80 hours")} END) AS at
            FROM bench_plan p) AS p
   WHERE at < end_at;
  -- Stage moves spread over the application's life, each followed by an invitation; interviews logged in
  -- interview stages.
  CREATE TEMP TABLE bench_move ON COMMIT DROP AS
  SELECT p.n, i, s.name, s.kind, s.stage_id, f.stage_id AS from_id, f.name AS from_name, p.recruiter_id, p.manager_id,
         p.end_at, p.title,
         date_trunc('milliseconds', p.applied_at + p.duration * ((i + 0.6 * (${u(26, key("i"))} - 0.5)) / (p.k + 1))) AS at
    FROM bench_plan p CROSS JOIN LATERAL generate_series(1, p.k) AS i
    JOIN bench_stage s ON s.job_no = p.job_no AND s.position = i
    JOIN bench_stage f ON f.job_no = p.job_no AND f.position = i - 1;
  DELETE FROM bench_move WHERE at >= end_at;
  INSERT INTO bench_ev
  SELECT n, 10 + i, 'stage_changed', at, CASE WHEN kind IN ('interview', 'offer') THEN manager_id ELSE recruiter_id END,
         'candidate', false, NULL, i, false,
         jsonb_build_object('fromStageId', from_id, 'fromStageName', from_name, 'toStageId', stage_id, 'toStageName', name)
    FROM bench_move;
  INSERT INTO bench_ev
  SELECT n, 20 + i, 'message_out', invited_at, recruiter_id, 'candidate', false,
         CASE kind WHEN 'screen' THEN 'screen_invite' WHEN 'interview' THEN 'interview_invite' WHEN 'offer' THEN 'offer'
                   ELSE 'custom' END, NULL, ${u(27, "n * 1000 + 20 + i")} < 0.4,
         ${out(`'Next step: ' || name`, `'Good news: we would like to move you to the next step (' || name || ') for ' || title || '. Please pick a time that suits you.'`, false)}
    FROM (SELECT m.*, date_trunc('milliseconds', at + interval '10 minutes' + ${u(28, "n * 1000 + 20 + i")} * interval '20 hours') AS invited_at
            FROM bench_move m) AS m
   WHERE invited_at < end_at;
  INSERT INTO bench_ev
  SELECT n, 30 + i, 'interview', held_at, 'cu-interviewer-' || ${pick(29, "n * 1000 + 30 + i", INTERVIEWERS.length)},
         'candidate', false, NULL, NULL, false,
         jsonb_build_object('when', to_char(held_at + interval '2 days', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                            'where', 'Video call',
                            'interviewerIds', jsonb_build_array('cu-interviewer-' || ${pick(29, "n * 1000 + 30 + i", INTERVIEWERS.length)}))
    FROM (SELECT m.*, date_trunc('milliseconds', at + interval '1 day' + ${u(30, "n * 1000 + 30 + i")} * interval '4 days') AS held_at
            FROM bench_move m WHERE kind = 'interview') AS m
   WHERE held_at < end_at;
  -- Questions from the candidate and our answers (unless the answer would come after the application closed).
  CREATE TEMP TABLE bench_exchange ON COMMIT DROP AS
  SELECT p.n, j, p.recruiter_id, p.end_at,
         date_trunc('milliseconds', p.applied_at + (p.end_at - p.applied_at) * ${u(31, key("j"))}) AS asked_at,
         ${u(32, key("j"))} AS u_fast
    FROM bench_plan p CROSS JOIN LATERAL generate_series(0, floor(${u(33, "p.n")} * (3 + 4 * p.k))::int - 1) AS j;
  INSERT INTO bench_ev
  SELECT n, 100 + 2 * j, 'message_in', asked_at, NULL, 'candidate', false, NULL, NULL, ${u(34, "n * 1000 + 100 + 2 * j")} < 0.4,
         jsonb_build_object('subject', 'Question about my application', 'body', (${questions})[1 + ${pick(35, "n * 1000 + j", 6)}])
    FROM bench_exchange;
  INSERT INTO bench_ev
  SELECT n, 101 + 2 * j, 'message_out', answered_at, recruiter_id, 'candidate', false, 'custom', NULL,
         ${u(36, "n * 1000 + 101 + 2 * j")} < 0.4,
         ${out(`'Re: Question about my application'`, `(${replies})[1 + ${pick(35, "n * 1000 + j", 6)}]`, false)}
    FROM (SELECT x.*, date_trunc('milliseconds', asked_at + interval '3 minutes'
                   + CASE WHEN u_fast < 0.8 THEN ${exp(37, "n * 1000 + j", "8 hours")} ELSE ${exp(37, "n * 1000 + j", "72 hours")} END) AS answered_at
            FROM bench_exchange x) AS x
   WHERE answered_at < end_at;
  -- Internal notes.
  INSERT INTO bench_ev
  SELECT p.n, 200 + l, 'note', date_trunc('milliseconds', p.applied_at + (p.end_at - p.applied_at) * ${u(38, key("l"))}),
         CASE WHEN l % 2 = 0 THEN p.recruiter_id ELSE p.manager_id END, 'internal', false, NULL, NULL, false,
         jsonb_build_object('body', (${notes})[1 + ${pick(39, key("l"), 6)}])
    FROM bench_plan p CROSS JOIN LATERAL generate_series(0, floor(${u(42, "p.n")} * 6)::int - 1) AS l;
  -- The outcome, the rejection email (for most), the survey and its answer.
  INSERT INTO bench_ev
  SELECT n, 300, CASE WHEN outcome = 'withdrawn' THEN 'withdrawn' ELSE 'decision' END, closed_at,
         CASE WHEN outcome = 'withdrawn' THEN recruiter_id ELSE manager_id END, 'candidate', false, NULL, NULL, false,
         CASE WHEN outcome = 'withdrawn' THEN jsonb_build_object('reason', ${outcomeReason("p")})
              ELSE jsonb_build_object('outcome', outcome) || CASE WHEN outcome = 'rejected'
                     THEN jsonb_build_object('reason', ${outcomeReason("p")}) ELSE '{}'::jsonb END END
    FROM bench_plan p WHERE outcome <> 'active';
  INSERT INTO bench_ev
  SELECT n, 301, 'message_out', told_at, recruiter_id, 'candidate', false,
         CASE WHEN k >= 2 THEN 'rejection_after_interview' WHEN k = 1 THEN 'rejection_after_screen' ELSE 'not_progressing' END,
         NULL, ${u(43, "n")} < 0.4,
         ${out(`'Your application for ' || title`, `'Thank you for your time and interest in ' || title || '. We have decided not to move forward with your application.'`, false)}
    FROM bench_plan p WHERE told_at IS NOT NULL;
  INSERT INTO bench_ev
  SELECT n, 310, 'survey_sent', survey_at, NULL, 'internal', false, NULL, NULL, false, '{}'::jsonb
    FROM bench_plan p WHERE survey_at IS NOT NULL;
  INSERT INTO bench_ev
  SELECT n, 311, 'message_out', survey_at + interval '2 hours', NULL, 'candidate', true, 'survey', NULL, true,
         ${out(`'How was applying?'`, `'Four short questions about applying for ' || title || '. It takes about two minutes.'`, true)}
    FROM bench_plan p WHERE survey_at IS NOT NULL;
  INSERT INTO bench_ev
  SELECT n, 312, 'survey_answered', answered_at, NULL, 'internal', false, NULL, NULL, false,
         jsonb_build_object('score', nps)
    FROM bench_plan p WHERE answered_at IS NOT NULL;
  ANALYZE bench_ev;`;
}

// Business time of the default schedule (Mon–Fri 09:00–17:00 UTC, no holidays) as plain arithmetic, counted in
// minutes from Monday 1970-01-05 00:00: a week holds 2,400 business minutes, a weekday 480 from 09:00.
const MONDAY = "TIMESTAMP '1970-01-05'";

/** The business minutes that have passed at instant `t` (an SQL timestamp expression). */
function businessMinutes(t: string): string {
  const m = `(date_part('epoch', ${t} - ${MONDAY}) / 60)`;
  const minuteOfWeek = `(${m} - floor(${m} / 10080) * 10080)`;
  const day = `floor(${minuteOfWeek} / 1440)`;
  return `(floor(${m} / 10080) * 2400 + least(${day}, 5) * 480
           + CASE WHEN ${day} < 5 THEN least(480, greatest(0, ${m} - floor(${m} / 1440) * 1440 - 540)) ELSE 0 END)`;
}

/** The first instant at which `b` business minutes have passed (a business day's last minute ends at 17:00). */
function afterBusinessMinutes(b: string): string {
  const day = `(ceil((${b}) / 480) - 1)`; // business days before the one in which b is reached
  const minutes = `((floor(${day} / 5) * 7 + ${day} - floor(${day} / 5) * 5) * 1440 + 540 + (${b}) - ${day} * 480)`;
  return `(${MONDAY} + round(${minutes} * 60000) * interval '1 millisecond')`;
}

/**
 * The clock rows docs/sla.md derives from the events (no pauses: no message here awaits the candidate):
 * first_response, next_response (one per run of unanswered questions), periodic_update (restarted by every email we
 * send while the application is open), stage_decision (one per stage visit) and closure (rejections).
 */
function clocksSql({
  NOW,
  TARGET,
  WARN,
}: {
  NOW: string;
  TARGET: Record<string, number>;
  WARN: Record<string, number>;
}): string {
  return `CREATE TEMP TABLE bench_clock (n int, metric text, instance int, started_at timestamp, ended_at timestamp,
                                        ended text, minutes int, stage_id text) ON COMMIT DROP;
  -- What each email and question means for the clocks: a reply (personal, candidate-visible email), any email we sent,
  -- whether it came while the application was open, and (for questions) the next reply after it.
  CREATE TEMP TABLE bench_touch ON COMMIT DROP AS
  SELECT e.n, e.at, e.type, e.type = 'message_out' AND NOT e.automated AS reply,
         e.at < coalesce(p.closed_at, 'infinity') AS open,
         min(CASE WHEN e.type = 'message_out' AND NOT e.automated THEN e.at END)
           OVER (PARTITION BY e.n ORDER BY e.at DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS next_reply
    FROM bench_ev e JOIN bench_plan p USING (n)
   WHERE e.type IN ('message_out', 'message_in');
  -- first_response: stopped by the first reply; hiring or a withdrawal first cancels it.
  INSERT INTO bench_clock
  SELECT p.n, 'first_response', 1, p.applied_at,
         CASE WHEN p.outcome IN ('hired', 'withdrawn') AND (r.first_reply IS NULL OR r.first_reply > p.closed_at)
              THEN p.closed_at ELSE r.first_reply END,
         CASE WHEN p.outcome IN ('hired', 'withdrawn') AND (r.first_reply IS NULL OR r.first_reply > p.closed_at)
              THEN 'cancelled' WHEN r.first_reply IS NOT NULL THEN 'stopped' END,
         ${TARGET.first_response}, NULL
    FROM bench_plan p
    LEFT JOIN (SELECT n, min(at) AS first_reply FROM bench_touch WHERE reply GROUP BY n) AS r USING (n);
  -- next_response: questions asked while the application is open that share the same next reply are one instance.
  INSERT INTO bench_clock
  SELECT q.n, 'next_response', row_number() OVER (PARTITION BY q.n ORDER BY q.started_at), q.started_at,
         CASE WHEN p.outcome IN ('hired', 'withdrawn') AND (q.next_reply IS NULL OR q.next_reply > p.closed_at)
              THEN p.closed_at ELSE q.next_reply END,
         CASE WHEN p.outcome IN ('hired', 'withdrawn') AND (q.next_reply IS NULL OR q.next_reply > p.closed_at)
              THEN 'cancelled' WHEN q.next_reply IS NOT NULL THEN 'stopped' END,
         ${TARGET.next_response}, NULL
    FROM (SELECT n, next_reply, min(at) AS started_at FROM bench_touch
           WHERE type = 'message_in' AND open GROUP BY n, next_reply) AS q
    JOIN bench_plan p USING (n);
  -- periodic_update: from applying and from every email we send while open, until the next one or the outcome.
  INSERT INTO bench_clock
  SELECT b.n, 'periodic_update', row_number() OVER (PARTITION BY b.n ORDER BY b.at), b.at,
         coalesce(lead(b.at) OVER (PARTITION BY b.n ORDER BY b.at), p.closed_at),
         CASE WHEN lead(b.at) OVER (PARTITION BY b.n ORDER BY b.at) IS NOT NULL THEN 'stopped'
              WHEN p.outcome = 'rejected' THEN 'stopped' WHEN p.outcome <> 'active' THEN 'cancelled' END,
         ${TARGET.periodic_update}, NULL
    FROM (SELECT n, applied_at AS at FROM bench_plan
          UNION ALL SELECT n, at FROM bench_touch WHERE type = 'message_out' AND open) AS b
    JOIN bench_plan p USING (n);
  -- stage_decision: one per stage visit (the first from applying), with the stage's own target if it has one.
  INSERT INTO bench_clock
  SELECT v.n, 'stage_decision', v.position + 1, v.at,
         coalesce(lead(v.at) OVER (PARTITION BY v.n ORDER BY v.at), p.closed_at),
         CASE WHEN lead(v.at) OVER (PARTITION BY v.n ORDER BY v.at) IS NOT NULL THEN 'stopped'
              WHEN p.outcome IN ('rejected', 'hired') THEN 'stopped' WHEN p.outcome = 'withdrawn' THEN 'cancelled' END,
         coalesce(s.minutes, ${TARGET.stage_decision}), s.stage_id
    FROM (SELECT n, 0 AS position, applied_at AS at FROM bench_plan
          UNION ALL SELECT n, to_pos, at FROM bench_ev WHERE type = 'stage_changed') AS v
    JOIN bench_plan p USING (n)
    JOIN bench_stage s ON s.job_no = p.job_no AND s.position = v.position;
  -- closure: from a rejection until the candidate is told (the first email we send at or after it).
  INSERT INTO bench_clock
  SELECT p.n, 'closure', 1, p.closed_at, t.told, CASE WHEN t.told IS NOT NULL THEN 'stopped' END,
         ${TARGET.closure}, NULL
    FROM bench_plan p
    LEFT JOIN (SELECT x.n, min(x.at) AS told FROM bench_touch x JOIN bench_plan p USING (n)
                WHERE p.outcome = 'rejected' AND x.type = 'message_out' AND x.at >= p.closed_at GROUP BY x.n) AS t USING (n)
   WHERE p.outcome = 'rejected';
  INSERT INTO "SlaClock" (id, "applicationId", "jobId", metric, instance, state, "startedAt", "dueAt", "warnAt",
                          "stoppedAt", breached, "businessHours", "targetMinutes", "remainingMinutes", "stageId",
                          "policyId", "updatedAt")
  SELECT 'ck' || lpad(c.n::text, 8, '0') || substr(c.metric, 1, 2) || c.instance, p.app_id, p.job_id, c.metric::"SlaMetric",
         c.instance, coalesce(c.ended, 'running')::"ClockState", c.started_at, d.due_at, d.warn_at, c.ended_at,
         coalesce(c.ended_at, ${NOW}) > d.due_at, true, c.minutes, NULL, c.stage_id, 'default-policy',
         coalesce(c.ended_at, ${NOW})
    FROM (SELECT c.*, CASE c.metric ${Object.entries(WARN)
      .map(([metric, minutes]) => `WHEN '${metric}' THEN ${minutes}`)
      .join(" ")} END AS warn
            FROM bench_clock c) AS c
    CROSS JOIN LATERAL (SELECT ${businessMinutes("c.started_at")} AS b OFFSET 0) AS s
    CROSS JOIN LATERAL (SELECT ${afterBusinessMinutes("s.b + c.minutes")} AS due_at,
                               CASE WHEN c.warn < c.minutes THEN ${afterBusinessMinutes("s.b + c.minutes - c.warn")} END AS warn_at) AS d
    JOIN bench_plan p USING (n)
   ORDER BY c.started_at;`;
}

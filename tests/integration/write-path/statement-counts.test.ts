// The write path costs a fixed number of statements however many applications a batch holds: a decision of fifty
// candidates with their rejection emails sends as many statements as a decision of one. A step that starts writing
// or reading per application (N+1) fails here.
import { beforeAll, expect, test } from "vitest";
import { createApplications } from "~/models/application-intake.server";
import { decideApplications } from "~/models/decisions.server";
import { appendEvents } from "~/models/event.server";
import { ensureTemplateLibrary } from "~/models/template.server";
import { prisma } from "~/platform/db.server";
import { createTestApplication, createTestJob, createTestUser, fakeCandidate, seedFactories } from "../../factories";
import { recordQueries } from "../../query-counter";

let recruiter: Awaited<ReturnType<typeof createTestUser>>;
let jobId: string;

beforeAll(async () => {
  seedFactories(20);
  await ensureTemplateLibrary();
  recruiter = await createTestUser({ role: "recruiter" });
  const job = await createTestJob({ recruiterId: recruiter.id });
  jobId = job.id;
});

async function applications(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) ids.push((await createTestApplication({ jobId })).id);
  return ids;
}

test("rejecting fifty with their emails takes the statements rejecting one takes", async () => {
  const [one, fifty] = [await applications(1), await applications(50)];
  const decide = (ids: string[]) =>
    recordQueries(() =>
      prisma.$transaction((tx) => decideApplications(tx, ids, { outcome: "rejected", notify: true }, recruiter)),
    );
  const single = await decide(one);
  const batch = await decide(fifty);
  expect(single.result[0]!.message).not.toBeNull();
  expect(batch.result.filter((decided) => decided.message !== null)).toHaveLength(50);
  expect(batch.queries.length, batch.queries.join("\n\n")).toBe(single.queries.length);
});

test("appending an inbound message to fifty applications takes the statements of one", async () => {
  const [one, fifty] = [await applications(1), await applications(50)];
  const append = (ids: string[]) =>
    recordQueries(() =>
      prisma.$transaction((tx) =>
        appendEvents(
          tx,
          ids.map((applicationId) => ({ applicationId, type: "message_in" as const, data: { body: "Thanks!" } })),
        ),
      ),
    );
  const single = await append(one);
  const batch = await append(fifty);
  expect(batch.queries.length, batch.queries.join("\n\n")).toBe(single.queries.length);
  // The clocks' inputs, then the events written with the clocks they move; and the COMMIT.
  expect(single.queries.length, single.queries.join("\n\n")).toBeLessThanOrEqual(3);
});

test("adding fifty candidates with their acknowledgements takes the statements adding one takes", async () => {
  const inputs = (count: number) =>
    Array.from({ length: count }, () => ({ jobId, candidate: fakeCandidate(), notify: true }));
  const add = (count: number) =>
    recordQueries(() => prisma.$transaction((tx) => createApplications(tx, inputs(count), recruiter.id)));
  const single = await add(1);
  const batch = await add(50);
  expect(batch.result).toHaveLength(50);
  expect(await prisma.message.count({ where: { applicationId: { in: batch.result.map((a) => a.id) } } })).toBe(50);
  expect(batch.queries.length, batch.queries.join("\n\n")).toBe(single.queries.length);
});

// Settings → Customer benchmarks, import from a helpdesk: the figures are saved with where they came from and shown;
// a bad file or bad choices save nothing and keep what was chosen; manual saving clears the helpdesk provenance.
import fs from "node:fs";
import { beforeEach, expect, test } from "vitest";
import * as page from "~/routes/settings.customer-benchmarks";
import { prisma } from "~/platform/db.server";
import { getRequest, ORIGIN, postRequest, run, signIn, type SignedIn } from "./helpers";

const PATH = "/settings/customer-benchmarks";
type PageData = Awaited<ReturnType<typeof page.loader>>;
type Answer = {
  ok: boolean;
  message?: string;
  details?: string[];
  importErrors?: string[];
  values?: Record<string, string>;
};

function helpdeskUpload(who: SignedIn, csv: string, fields: Record<string, string> = {}, fileName = "tickets.csv") {
  const body = new FormData();
  body.set("intent", "import-helpdesk");
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  body.set("file", new File([csv], fileName, { type: "text/csv" }));
  return new Request(`${ORIGIN}${PATH}`, { method: "POST", headers: { Origin: ORIGIN, Cookie: who.cookie }, body });
}

const zendesk = fs.readFileSync("tests/fixtures/helpdesk/zendesk-tickets.csv", "utf8");

beforeEach(async () => {
  await prisma.customerBenchmark.deleteMany();
});

test("an admin imports a Zendesk export: figures saved, provenance shown to readers", async () => {
  const admin = await signIn("admin");
  const answer = await run<Answer>(
    page.action,
    helpdeskUpload(admin, zendesk, { firstReplyTargetMinutes: "60", resolutionTargetMinutes: "2880" }),
  );
  expect(answer.status).toBe(200);
  expect(answer.data.message).toBe("Imported from Zendesk export: 5 tickets created 2 Sep 2026–30 Nov 2026.");
  expect(answer.data.details).toHaveLength(2);
  const reader = await signIn("recruiter");
  const view = await run<PageData>(page.loader, getRequest(PATH, reader));
  const firstReply = view.data.metrics.find((entry) => entry.metric === "first_reply")!.stored!;
  expect(firstReply).toMatchObject({ targetMinutes: 60, attainment: 0.6, medianMinutes: 37.5 });
  expect(firstReply.provenance).toMatchObject({
    kind: "helpdesk_import",
    vendor: "zendesk",
    tickets: 5,
    fileName: "tickets.csv",
  });
  expect(view.data.metrics.find((entry) => entry.metric === "next_reply")!.stored).toBeNull();

  // Typing the figures in afterwards makes them the team's own again.
  await run(
    page.action,
    postRequest(PATH, admin, {
      intent: "save",
      metric: "first_reply",
      targetMinutes: "60",
      attainmentPercent: "90",
      medianMinutes: "30",
      source: "",
    }),
  );
  const after = await run<PageData>(page.loader, getRequest(PATH, admin));
  expect(after.data.metrics[0]!.stored!.provenance).toMatchObject({ kind: "entered" });
});

test("a bad file or bad choices save nothing and keep the choices", async () => {
  const admin = await signIn("admin");
  const bad = await run<Answer>(
    page.action,
    helpdeskUpload(admin, "created_at,first_response_at\nyesterday,\n", { vendor: "", from: "2026-09-01" }),
  );
  expect(bad.status).toBe(400);
  expect(bad.data.importErrors).toEqual(["Row 2: “created_at” is not a date and time (found “yesterday”)."]);
  expect(bad.data.values).toMatchObject({ from: "2026-09-01" });
  const choices = await run<Answer>(
    page.action,
    helpdeskUpload(admin, zendesk, { from: "2026-12-01", to: "2026-11-01", firstReplyTargetMinutes: "0" }),
  );
  expect(choices.status).toBe(400);
  expect(choices.data.importErrors).toEqual([
    "The first reply target must be at least 1 minute.",
    "The period’s last day must not be before its first day.",
  ]);
  const recruiter = await signIn("recruiter");
  expect((await run(page.action, helpdeskUpload(recruiter, zendesk))).status).toBe(403);
  expect(await prisma.customerBenchmark.count()).toBe(0);
});

// Data deletion: a candidate asks once from their status link; admins (only) see the request with the candidate's
// name and address, decline it with a note or erase the candidate, after which the link is a 404.
import { expect, test } from "vitest";
import * as deleteData from "~/routes/s.$token_.delete-data";
import * as dataRequests from "~/routes/settings.data-requests";
import { prisma } from "~/platform/db.server";
import { createTestApplication, createTestJob, uniqueEmail } from "../../factories";
import { getRequest, postRequest, run, signIn } from "./helpers";

type CandidatePage = Awaited<ReturnType<typeof deleteData.loader>>;
type AdminPage = Awaited<ReturnType<typeof dataRequests.loader>>;
type AdminAnswer = { ok: boolean; message: string; errors?: Record<string, string> };

async function candidateLink(name: string) {
  const job = await createTestJob({ title: "Product Designer" });
  const email = uniqueEmail(`${name.toLowerCase().replace(/\W+/g, ".")}@example.org`);
  const application = await createTestApplication({ jobId: job.id, candidate: { name, email, locale: "en" } });
  const token = application.statusUrl.split("/s/")[1]!;
  return { ...application, email, token, path: `/s/${token}/delete-data` };
}

async function requested(name: string, reason = "") {
  const link = await candidateLink(name);
  const posted = await run(deleteData.action, postRequest(link.path, undefined, { reason }), { token: link.token });
  expect(posted.status).toBe(302);
  const request = await prisma.dataRequest.findFirstOrThrow({ where: { candidateId: link.candidateId } });
  return { ...link, requestId: request.id };
}

test("a candidate asks once: the request is recorded with its audit entry, and asking again says it is in hand", async () => {
  const link = await candidateLink("Mila Novak");
  const before = await run<CandidatePage>(deleteData.loader, getRequest(link.path), { token: link.token });
  expect(before.data).toMatchObject({ locale: "en", active: true, requestedOn: null, received: false });

  const posted = await run(
    deleteData.action,
    postRequest(link.path, undefined, { reason: "  I accepted another offer.  " }),
    { token: link.token },
  );
  expect(posted.status).toBe(302);
  expect(posted.location).toBe(`${link.path}?received=1`);
  const [request, ...more] = await prisma.dataRequest.findMany({ where: { candidateId: link.candidateId } });
  expect(more).toHaveLength(0);
  expect(request).toMatchObject({
    applicationId: link.id,
    kind: "erasure",
    status: "open",
    reason: "I accepted another offer.",
  });
  const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: request!.id } });
  expect(audit).toMatchObject({ action: "data_request.created", actorId: null, entityType: "DataRequest" });

  const after = await run<CandidatePage>(deleteData.loader, getRequest(`${link.path}?received=1`), {
    token: link.token,
  });
  expect(after.data).toMatchObject({ received: true });
  expect(after.data.requestedOn).toMatch(/\d/);

  const again = await run<{ alreadyOpen: string }>(
    deleteData.action,
    postRequest(link.path, undefined, { reason: "Please hurry" }),
    { token: link.token },
  );
  expect(again.status).toBe(409);
  expect(again.data.alreadyOpen).toBe(after.data.requestedOn);
  expect(await prisma.dataRequest.count({ where: { candidateId: link.candidateId } })).toBe(1);
});

test("a reason over 1,000 characters comes back with the text kept and nothing recorded", async () => {
  const link = await candidateLink("Long Reason");
  const reason = "x".repeat(1_001);
  const posted = await run<{ errors: Record<string, string>; reason: string }>(
    deleteData.action,
    postRequest(link.path, undefined, { reason }),
    { token: link.token },
  );
  expect(posted.status).toBe(400);
  expect(posted.data).toEqual({
    errors: { reason: "Please keep your reason to 1,000 characters or fewer." },
    reason,
  });
  expect(await prisma.dataRequest.count({ where: { candidateId: link.candidateId } })).toBe(0);
});

test("only admins may see and handle data requests", async () => {
  for (const role of ["recruiter", "hiring_manager", "interviewer"] as const) {
    const who = await signIn(role);
    expect((await run(dataRequests.loader, getRequest("/settings/data-requests", who))).status).toBe(403);
    const posted = await run(
      dataRequests.action,
      postRequest("/settings/data-requests", who, { intent: "erase", requestId: "anything" }),
    );
    expect(posted.status).toBe(403);
  }
  const anonymous = await run(dataRequests.loader, getRequest("/settings/data-requests"));
  expect(anonymous.status).toBe(302);
  expect(anonymous.location).toMatch(/^\/login/);
});

test("an admin declines a request with a note (required), and it moves to the closed list", async () => {
  const { requestId, email } = await requested("Dana Fischer", "Just curious");
  const admin = await signIn("admin");
  const page = await run<AdminPage>(dataRequests.loader, getRequest("/settings/data-requests", admin));
  const listed = page.data.open.find((request) => request.id === requestId);
  expect(listed).toMatchObject({ reason: "Just curious", candidate: { name: "Dana Fischer", email } });

  const noNote = await run<AdminAnswer>(
    dataRequests.action,
    postRequest("/settings/data-requests", admin, { intent: "decline", requestId, note: " " }),
  );
  expect(noNote.status).toBe(400);
  expect(noNote.data.errors).toEqual({ note: "A note for the record is required." });
  expect((await prisma.dataRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("open");

  const declined = await run<AdminAnswer>(
    dataRequests.action,
    postRequest("/settings/data-requests", admin, {
      intent: "decline",
      requestId,
      note: "Open tax audit: we must keep these records until June.",
    }),
  );
  expect(declined.data.ok).toBe(true);
  expect(await prisma.dataRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({
    status: "declined",
    closedById: admin.user.id,
    note: "Open tax audit: we must keep these records until June.",
  });
  const after = await run<AdminPage>(dataRequests.loader, getRequest("/settings/data-requests", admin));
  expect(after.data.open.map((request) => request.id)).not.toContain(requestId);
  expect(after.data.closed.map((request) => request.id)).toContain(requestId);
  const twice = await run<AdminAnswer>(
    dataRequests.action,
    postRequest("/settings/data-requests", admin, { intent: "erase", requestId }),
  );
  expect(twice.status).toBe(409);
  expect(twice.data.message).toBe("This request was already handled.");
});

test("an admin erases the candidate: the request is completed, their link is a 404 and the list shows no name", async () => {
  const { requestId, candidateId, token, path } = await requested("Jonas Lindqvist");
  const admin = await signIn("admin");
  const erased = await run<AdminAnswer>(
    dataRequests.action,
    postRequest("/settings/data-requests", admin, { intent: "erase", requestId }),
  );
  expect(erased.status).toBe(200);
  expect(erased.data.ok).toBe(true);
  expect(await prisma.candidate.findUniqueOrThrow({ where: { id: candidateId } })).toMatchObject({
    name: "Erased candidate",
    phone: null,
  });
  expect(await prisma.dataRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({
    status: "completed",
    closedById: admin.user.id,
  });
  expect((await run(deleteData.loader, getRequest(path), { token })).status).toBe(404);
  const page = await run<AdminPage>(dataRequests.loader, getRequest("/settings/data-requests", admin));
  const closed = page.data.closed.find((request) => request.id === requestId)!;
  expect(closed.candidate.name).toBe("Erased candidate");
  expect(JSON.stringify(page.data)).not.toContain("Lindqvist");
});

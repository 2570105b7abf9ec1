// A candidate's reply tells where their clock is: while their time zone is still the default (UTC), the offset in
// their email's Date header records a guess; a zone already set is left alone.
import { expect, test } from "vitest";
import { receiveInboundEmail } from "~/models/inbound.server";
import { prisma } from "~/platform/db.server";
import { newId } from "~/platform/ids.server";
import { replyAddress } from "~/platform/mail-addresses.server";
import { createTestApplication, createTestJob } from "../../factories";

async function candidateWith(candidate: { timeZone?: string; phone?: string }) {
  const job = await createTestJob({ title: "Support Engineer" });
  const email = `lea.${newId()}@example.com`;
  const application = await createTestApplication({
    jobId: job.id,
    candidate: { name: "Lea Martin", email, ...candidate },
  });
  return { application, email };
}

async function reply(from: string, applicationId: string, date: string) {
  const raw =
    `From: Lea Martin <${from}>\r\nTo: ${replyAddress(applicationId)}\r\nSubject: Re: Your application\r\n` +
    `Message-ID: <${newId()}@mail.example.com>\r\nDate: ${date}\r\n\r\nThank you, Tuesday works for me.\r\n`;
  const result = await receiveInboundEmail(raw);
  if (!result.ok) throw new Error(result.error.message);
  expect(result.receipt.status).toBe("received");
}

async function zoneOf(candidateId: string) {
  return (await prisma.candidate.findUniqueOrThrow({ where: { id: candidateId }, select: { timeZone: true } }))
    .timeZone;
}

test('a reply dated "Tue, 1 Dec 2026 09:12:00 +0100" records a +01:00 zone for a candidate still in UTC', async () => {
  const { application, email } = await candidateWith({ timeZone: "UTC", phone: undefined });
  await reply(email, application.id, "Tue, 1 Dec 2026 09:12:00 +0100");
  const zone = await zoneOf(application.candidateId);
  expect(zone).not.toBe("UTC");
  const offset = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" })
    .formatToParts(new Date("2026-12-01T08:12:00Z"))
    .find((part) => part.type === "timeZoneName")?.value;
  expect(offset).toBe("GMT+01:00");
  const audit = await prisma.auditLog.findFirstOrThrow({
    where: { action: "candidate.time_zone_guessed", entityId: application.candidateId },
  });
  expect(audit.data).toMatchObject({ timeZone: zone, reason: "Guessed from their email's time offset UTC+01:00." });
});

test("with a phone number the country narrows the guess: +49 and +0100 is Berlin", async () => {
  const { application, email } = await candidateWith({ timeZone: "UTC", phone: "+49 30 1234567" });
  await reply(email, application.id, "Tue, 1 Dec 2026 09:12:00 +0100");
  expect(await zoneOf(application.candidateId)).toBe("Europe/Berlin");
});

test("a zone the candidate or staff already set is never overwritten by a reply", async () => {
  const { application, email } = await candidateWith({ timeZone: "Europe/Lisbon" });
  await reply(email, application.id, "Tue, 1 Dec 2026 09:12:00 +0530");
  expect(await zoneOf(application.candidateId)).toBe("Europe/Lisbon");
  expect(
    await prisma.auditLog.count({
      where: { action: "candidate.time_zone_guessed", entityId: application.candidateId },
    }),
  ).toBe(0);
});

test('a Date header with "-0000" (zone unknown) leaves the candidate in UTC', async () => {
  const { application, email } = await candidateWith({ timeZone: "UTC" });
  await reply(email, application.id, "Tue, 1 Dec 2026 09:12:00 -0000");
  expect(await zoneOf(application.candidateId)).toBe("UTC");
});

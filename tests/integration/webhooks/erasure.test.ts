// Erasing a candidate removes them from webhook deliveries: queued ones are deleted and never sent; delivered ones
// keep their log line without a body, and cannot be sent again.
import { expect, test } from "vitest";
import { moveApplications } from "~/models/application.server";
import { eraseCandidate } from "~/models/erasure.server";
import {
  createWebhookEndpoint,
  listEndpointDeliveries,
  redeliverEndpointDelivery,
} from "~/models/webhooks/endpoints.server";
import { prisma } from "~/platform/db.server";
import { ConflictError } from "~/platform/errors.server";
import { createTestApplication, createTestJob, createTestUser } from "../../factories";

test("erasure deletes the candidate's waiting deliveries and empties the delivered ones", async () => {
  const admin = await createTestUser({ role: "admin" });
  const endpoint = await createWebhookEndpoint(
    {
      url: "https://hooks.example.com/erasure",
      events: ["application.created", "application.stage_changed"],
      allowPrivate: false,
    },
    admin.id,
  );
  const job = await createTestJob();
  const application = await createTestApplication({ jobId: job.id });
  const bystander = await createTestApplication({ jobId: job.id });
  const stages = await prisma.stage.findMany({ where: { jobId: job.id }, orderBy: { position: "asc" } });
  await prisma.$transaction((tx) =>
    moveApplications(tx, [{ applicationId: application.id, stageId: stages[1]!.id }], admin),
  );
  const [created] = await prisma.httpDelivery.findMany({
    where: { applicationId: application.id, eventType: "application.created" },
  });
  await prisma.httpDelivery.update({ where: { id: created!.id }, data: { status: "delivered", attempts: 1 } });

  await eraseCandidate(application.candidateId, admin);

  const left = await prisma.httpDelivery.findMany({ where: { endpointId: endpoint.id } });
  const mine = left.filter((delivery) => delivery.id === created!.id);
  expect(mine).toHaveLength(1);
  expect(mine[0]).toMatchObject({ body: "", candidateId: null, applicationId: null, status: "delivered" });
  expect(left.filter((delivery) => delivery.eventType === "application.stage_changed")).toHaveLength(0);
  expect(left.filter((delivery) => delivery.applicationId === bystander.id)).toHaveLength(1);
  expect(left.some((delivery) => delivery.body.includes(application.candidateId))).toBe(false);

  const log = await listEndpointDeliveries(endpoint.id);
  expect(log.find((row) => row.id === created!.id)?.redeliverable).toBe(false);
  await expect(redeliverEndpointDelivery(endpoint.id, created!.id)).rejects.toBeInstanceOf(ConflictError);
});

// The write operations the benchmark measures, each through the exported model functions alone.
import { moveApplication, recordMessage } from "~/models/application.server";
import { createApplication } from "~/models/application-intake.server";
import { decideApplication, reopenApplication } from "~/models/decisions.server";
import { appendEvent } from "~/models/event.server";
import { prisma } from "~/platform/db.server";
import type { newApplicationInput, WritesSetup } from "./setup";

export const INBOUND_MESSAGE = { subject: "Re: your application", body: "Thank you for the update. ".repeat(24) };
export const REJECTION_REASON = "Other candidates matched the role more closely";

export type NewApplicationInput = ReturnType<typeof newApplicationInput>;

export async function create(setup: WritesSetup, input: NewApplicationInput): Promise<string> {
  return (await createApplication(input, setup.actor.id)).id;
}

export function move(setup: WritesSetup, applicationId: string) {
  return moveApplication(applicationId, { stageId: setup.nextStage.id }, setup.actor);
}

export function recordInboundMessage(setup: WritesSetup, applicationId: string) {
  const { subject, body } = INBOUND_MESSAGE;
  const input = { direction: "inbound" as const, subject, body, automated: false, awaitsCandidate: false };
  return recordMessage(applicationId, { ...input, occurredAt: new Date() }, setup.actor);
}

/** A message_in touchpoint with its clock sync, in its own transaction. */
export function appendMessageIn(applicationId: string) {
  return prisma.$transaction((tx) => appendEvent(tx, { applicationId, type: "message_in", data: INBOUND_MESSAGE }));
}

export function reject(setup: WritesSetup, applicationId: string) {
  const input = { outcome: "rejected" as const, reason: REJECTION_REASON, notify: true };
  return decideApplication(applicationId, input, setup.actor);
}

export function reopen(setup: WritesSetup, applicationId: string) {
  return reopenApplication(applicationId, setup.actor);
}

// Golden tests: each Ashby fixture → the exact delivery. The fixtures follow Ashby's OpenAPI webhook payloads
// (developers.ashbyhq.com/reference/applicationsubmitwebhook …; the application object is the one pushToHRIS defines
// and every application webhook references) and "Common Payload Data" (webhookActionId, action, data), with our own
// values. Documented on "Related Webhooks": candidateStageChange also fires applicationUpdate, candidateHire also fires
// applicationUpdate and candidateStageChange, all with one webhookActionId. Inferred, not documented: that the
// candidateStageChange of a hire already shows status Hired, and that the ping carries a webhookActionId (the ping
// schema lists only action and data.webhookActionType; "Common Payload Data" says every payload has one).
import { describe, expect, it } from "vitest";
import { fixtureJson } from "../../../tests/connector-fixtures";
import { mapAshby } from "./ashby";
import { UnreadablePayload } from "./events";

const receivedAt = new Date("2026-03-05T15:02:11.500Z");
const map = (name: string) => mapAshby(fixtureJson("ashby", name), receivedAt);
type Json = { webhookActionId?: string; action: string; data: { application: Record<string, unknown> } };
const payload = (name: string) => fixtureJson("ashby", name) as Json;

const candidate = {
  externalId: "b3c4d5e6-f7a8-4b9c-8d0e-1f2a3b4c5d6e",
  name: "Tomás Ferreira",
  email: "tomas.ferreira@example.pt",
  phone: "+351 912 345 678",
};
const application = (stage: { externalId: string; name: string } | undefined) => ({
  externalId: "e7a1c9d2-4b3f-4f6a-8c2d-9e0b1a7f3c58",
  candidate,
  job: { externalId: "4071538b-3cac-4fbf-ac76-f78ed250ffdd", title: "Staff Frontend Engineer" },
  stage,
  appliedAt: new Date("2026-03-02T10:21:33.412Z"),
  source: "LinkedIn",
});
const stage = (n: number, name: string) => ({ externalId: `3f2d7a10-6c1b-4e8f-9a02-5d4b7c1e9f0${n}`, name });

const hire = {
  outcome: "events",
  deliveryId: "e0f4a6b8-3c5d-4e7f-a091-b2c3d4e5f6a7",
  events: [{ change: "hired", occurredAt: new Date("2026-04-10T12:00:05.118Z"), application: application(undefined) }],
};

describe("mapAshby", () => {
  it("maps applicationSubmit to created, at the application's creation", () => {
    expect(map("applicationSubmit")).toEqual({
      outcome: "events",
      deliveryId: "0b6f9c4e-3f55-4a8e-9a9e-51c2b1f0d7a1",
      eventType: "applicationSubmit",
      events: [
        {
          change: "created",
          occurredAt: new Date("2026-03-02T10:21:33.412Z"),
          application: application(stage(1, "Application Review")),
        },
      ],
    });
  });

  it("maps candidateStageChange to stage_changed, at the application's update", () => {
    expect(map("candidateStageChange")).toEqual({
      outcome: "events",
      deliveryId: "c8d2e4f6-1a3b-4c5d-8e7f-9a0b1c2d3e4f",
      eventType: "candidateStageChange",
      events: [
        {
          change: "stage_changed",
          occurredAt: new Date("2026-03-05T15:02:10.877Z"),
          application: application(stage(3, "Technical Interview")),
          // Active in Ashby: were it rejected here, this is how Ashby reports taking it back.
          activeInAts: true,
        },
      ],
    });
  });

  it("ignores the applicationUpdate a stage change fans out into, under a key of its own", () => {
    // Same webhookActionId as the candidateStageChange: keyed apart, so that if it arrives first the stage change is
    // not taken for its replay.
    expect(map("applicationUpdate-stage-change-echo")).toEqual({
      outcome: "ignored",
      deliveryId: "c8d2e4f6-1a3b-4c5d-8e7f-9a0b1c2d3e4f:applicationUpdate",
      eventType: "applicationUpdate",
      why: "An update to an active application (a field, a job transfer, or a stage change candidateStageChange reports).",
    });
  });

  it("maps an applicationUpdate to Archived to rejected, with the archive reason's text", () => {
    expect(map("applicationUpdate-archived")).toEqual({
      outcome: "events",
      deliveryId: "d9e3f5a7-2b4c-4d6e-9f80-a1b2c3d4e5f6",
      eventType: "applicationUpdate",
      events: [
        {
          change: "rejected",
          occurredAt: new Date("2026-03-09T08:44:51.203Z"),
          // Ashby's "Archived" stage is the outcome, not a step: the application stays where it was decided.
          application: application(undefined),
          reason: "Not enough frontend architecture experience",
        },
      ],
    });
  });

  it("maps an archive the candidate asked for (reason type RejectedByCandidate) to withdrawn", () => {
    const body = payload("applicationUpdate-archived");
    body.data.application.archiveReason = {
      id: "0f",
      text: "Accepted another offer",
      reasonType: "RejectedByCandidate",
    };
    expect(mapAshby(body, receivedAt)).toMatchObject({
      events: [
        { change: "withdrawn", reason: "Accepted another offer", occurredAt: new Date("2026-03-09T08:44:51.203Z") },
      ],
    });
  });

  it("maps candidateHire to hired", () => {
    expect(map("candidateHire")).toEqual({ ...hire, eventType: "candidateHire" });
  });

  it("maps every webhook of a hire's fan-out to the same change under the same key: applied once", () => {
    const fanOut = ["candidateHire", "candidateStageChange-hire"].map(map);
    expect(fanOut[1]).toEqual({ ...hire, eventType: "candidateStageChange" });
    expect(new Set(fanOut.map((delivery) => delivery.deliveryId)).size).toBe(1);
    const update = payload("candidateStageChange-hire");
    update.action = "applicationUpdate";
    expect(mapAshby(update, receivedAt)).toEqual({ ...hire, eventType: "applicationUpdate" });
  });

  it("maps a replay to the same delivery, whenever it arrives", () => {
    expect(mapAshby(payload("candidateStageChange"), new Date("2026-03-06T09:00:00Z"))).toEqual(
      map("candidateStageChange"),
    );
  });

  it("maps candidateDelete to the person's deletion", () => {
    expect(map("candidateDelete")).toEqual({
      outcome: "events",
      deliveryId: "f1a5b7c9-4d6e-4f80-b1a2-c3d4e5f6a7b8",
      eventType: "candidateDelete",
      events: [
        {
          change: "candidate_deleted",
          occurredAt: receivedAt,
          candidateExternalId: "b3c4d5e6-f7a8-4b9c-8d0e-1f2a3b4c5d6e",
        },
      ],
    });
  });

  it("answers the ping, and ignores webhooks Hearback does not act on", () => {
    expect(map("ping")).toEqual({
      outcome: "ping",
      deliveryId: "0a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d",
      eventType: "ping",
    });
    expect(mapAshby({ action: "ping", data: { webhookActionType: "ping" } }, receivedAt)).toEqual({
      outcome: "ping",
      deliveryId: "ping:2026-03-05T15:02:11.500Z",
      eventType: "ping",
    });
    expect(map("interviewScheduleCreate")).toEqual({
      outcome: "ignored",
      deliveryId: "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
      eventType: "interviewScheduleCreate",
      why: 'Hearback does not act on "interviewScheduleCreate".',
    });
  });

  it("ignores leads and candidates without a usable email address", () => {
    const lead = payload("candidateStageChange");
    lead.data.application.status = "Lead";
    expect(mapAshby(lead, receivedAt)).toMatchObject({ outcome: "ignored", why: "A lead, not an applicant." });
    const unreachable = payload("applicationSubmit");
    (unreachable.data.application.candidate as Record<string, unknown>).primaryEmailAddress = { value: "tomas@" };
    expect(mapAshby(unreachable, receivedAt)).toEqual({
      outcome: "ignored",
      deliveryId: "0b6f9c4e-3f55-4a8e-9a9e-51c2b1f0d7a1",
      eventType: "applicationSubmit",
      why: "The candidate has no usable email address, so Hearback cannot write to them.",
    });
  });

  it("without a webhookActionId, keys by the application's update, which one action's webhooks share", () => {
    const keyOf = (name: string, action?: string) => {
      const body = payload(name);
      delete body.webhookActionId;
      if (action) body.action = action;
      return mapAshby(body, receivedAt).deliveryId;
    };
    const key = "application:e7a1c9d2-4b3f-4f6a-8c2d-9e0b1a7f3c58@2026-04-10T12:00:05.118Z";
    expect(keyOf("candidateHire")).toBe(key);
    expect(keyOf("candidateStageChange-hire")).toBe(key);
    expect(keyOf("candidateStageChange-hire", "applicationUpdate")).toBe(key);
  });

  it("refuses a body it cannot read, naming the field", () => {
    const bad = (mutate: (body: Json) => void) => {
      const body = payload("candidateStageChange");
      mutate(body);
      return () => mapAshby(body, receivedAt);
    };
    expect(() => mapAshby({ webhookActionId: "x", data: {} }, receivedAt)).toThrow(
      new UnreadablePayload("action: Required."),
    );
    expect(bad((body) => (body.data = {} as Json["data"]))).toThrow(
      new UnreadablePayload("data.application: Required."),
    );
    expect(bad((body) => delete body.data.application.job)).toThrow(
      new UnreadablePayload("data.application.job: Required."),
    );
    expect(bad((body) => (body.data.application.updatedAt = 1741186930877))).toThrow(
      new UnreadablePayload("data.application.updatedAt: Expected string, got number."),
    );
    expect(
      bad(
        (body) => ((body.data.application.candidate as Record<string, unknown>).primaryEmailAddress = { type: "Work" }),
      ),
    ).toThrow(new UnreadablePayload("data.application.candidate.primaryEmailAddress.value: Required."));
  });
});

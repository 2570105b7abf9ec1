// Golden tests: each Lever webhook fixture, with the API responses the route fetches for it, → the exact delivery.
// From Lever's documentation (hire.lever.co/developer/documentation): the opportunity object (an opportunity has at
// most one application; `expand` turns applications and stage into objects), the application (its posting by id),
// the posting (`text` is its title), archive reasons (`type` hired or non-hired; "Hired" exists in every account), and
// the webhook envelope {triggeredAt, event, signature, token, data}. Inferred: the exact `data` of each event. Lever's
// page could only be read in excerpts here, so it follows the brief (opportunityId, candidateId, contactId,
// fromStageId/toStageId, fromArchived/toArchived as {archivedAt, reason}) and Lever client code that reads the same
// fields (toArchived.reason an archive reason id, null on unarchive).
import { describe, expect, it } from "vitest";
import { fixtureJson } from "../../../tests/connector-fixtures";
import { UnreadablePayload } from "./events";
import {
  leverArchiveReasonPath,
  leverFollowUpPaths,
  leverNeedsOpportunity,
  leverOpportunityPath,
  leverPostingPath,
  mapLever,
  readLeverWebhook,
} from "./lever";

const webhook = (name: string) => readLeverWebhook(fixtureJson("lever", name));
const api = (name: string) => fixtureJson("lever", name);
const posting = api("posting-backend-engineer");

const OPPORTUNITY = "6e1c0f43-5a8b-4d2e-9f71-2b3c4d5e6f70";
const application = (stage: { externalId: string; name: string }) => ({
  externalId: OPPORTUNITY,
  candidate: {
    externalId: "a1b2c3d4-8e9f-4a0b-b1c2-d3e4f5a6b7c8",
    name: "Aiyana Redcloud",
    email: "aiyana.redcloud@example.com",
    phone: "+1 415 555 0136",
  },
  job: { externalId: "f8b7dd19-1d9f-40f1-8090-e4a62e989e0b", title: "Backend Engineer, Payments" },
  stage,
  appliedAt: new Date(1772445712101),
  source: "Job site",
});
const phoneScreen = { externalId: "4a5b6c7d-8e9f-4012-a345-b6c7d8e9f012", name: "Phone screen" };

describe("readLeverWebhook", () => {
  it("types the envelope and the data of the events Hearback reads", () => {
    expect(webhook("candidateStageChange")).toEqual({
      triggeredAt: 1772704923456,
      event: "candidateStageChange",
      signature: "6e2a7b1d4f0c3e9a8b5d7f2c1e4a6b8d0f3c5e7a9b1d2f4c6e8a0b3d5f7c9e1a",
      token: "b4e0d2e38c5f4a1d8f9e7c6b5d4a3f2e",
      data: {
        candidateId: OPPORTUNITY,
        opportunityId: OPPORTUNITY,
        contactId: "a1b2c3d4-8e9f-4a0b-b1c2-d3e4f5a6b7c8",
        fromStageId: "applicant-new",
        toStageId: phoneScreen.externalId,
      },
    });
    expect(webhook("interviewCreated").data).toEqual({});
  });

  it("refuses a body it cannot read, naming the field", () => {
    const body = api("candidateStageChange") as { data: Record<string, unknown>; triggeredAt?: unknown };
    delete body.data.opportunityId;
    expect(() => readLeverWebhook(body)).toThrow(new UnreadablePayload("data.opportunityId: Required."));
    body.triggeredAt = "yesterday";
    expect(() => readLeverWebhook(body)).toThrow(new UnreadablePayload("triggeredAt: Expected number, got string."));
    expect(() => readLeverWebhook(null)).toThrow(new UnreadablePayload("body: Expected object, got null."));
  });
});

describe("the requests the route makes", () => {
  it("gets the opportunity with its applications and stage expanded, then the posting and the archive reason", () => {
    expect(leverOpportunityPath(OPPORTUNITY)).toBe(`/opportunities/${OPPORTUNITY}?expand=applications&expand=stage`);
    expect(leverPostingPath("f8b7dd19")).toBe("/postings/f8b7dd19");
    expect(leverArchiveReasonPath("4105fb10")).toBe("/archive_reasons/4105fb10");
    expect(leverFollowUpPaths(webhook("candidateArchiveChange"), api("opportunity-archived"))).toEqual({
      posting: "/postings/f8b7dd19-1d9f-40f1-8090-e4a62e989e0b",
      archiveReason: "/archive_reasons/4105fb10-1f79-44ec-b873-33886dc01348",
    });
    expect(leverFollowUpPaths(webhook("candidateStageChange"), api("opportunity-phone-screen"))).toEqual({
      posting: "/postings/f8b7dd19-1d9f-40f1-8090-e4a62e989e0b",
    });
  });

  it("asks Lever nothing for a deletion or an event Hearback ignores", () => {
    expect(leverNeedsOpportunity(webhook("applicationCreated"))).toBe(true);
    expect(leverNeedsOpportunity(webhook("candidateDeleted"))).toBe(false);
    expect(leverNeedsOpportunity(webhook("interviewCreated"))).toBe(false);
  });
});

describe("mapLever", () => {
  it("maps applicationCreated to created, at triggeredAt, with the opportunity's first email and the posting's title", () => {
    expect(mapLever(webhook("applicationCreated"), api("opportunity-new-applicant"), posting)).toEqual({
      outcome: "events",
      deliveryId: "applicationCreated:a3f9c1d27b4e4f0c9e8d6b5a4c3f2e1d:1772445712345",
      eventType: "applicationCreated",
      events: [
        {
          change: "created",
          occurredAt: new Date(1772445712345),
          application: application({ externalId: "applicant-new", name: "New applicant" }),
        },
      ],
    });
  });

  it("maps candidateStageChange to stage_changed", () => {
    const { data } = api("opportunity-phone-screen") as { data: unknown }; // the response's data is read as well
    expect(mapLever(webhook("candidateStageChange"), data, posting)).toEqual({
      outcome: "events",
      deliveryId: "candidateStageChange:b4e0d2e38c5f4a1d8f9e7c6b5d4a3f2e:1772704923456",
      eventType: "candidateStageChange",
      events: [{ change: "stage_changed", occurredAt: new Date(1772704923456), application: application(phoneScreen) }],
    });
  });

  it("ignores a stage change the opportunity has moved on from", () => {
    expect(mapLever(webhook("candidateStageChange"), api("opportunity-hired"), posting)).toMatchObject({
      outcome: "ignored",
      why: "The opportunity has moved on since: the webhook for its current stage reports that.",
    });
  });

  it("maps an archive for a reason other than the hire to rejected, with the reason's text", () => {
    const mapped = mapLever(
      webhook("candidateArchiveChange"),
      api("opportunity-archived"),
      posting,
      api("archive-reason-under-qualified"),
    );
    expect(mapped).toEqual({
      outcome: "events",
      deliveryId: "candidateArchiveChange:c5f1e3f49d6a4b2e9a0f8d7c6e5b4a3f:1773046834567",
      eventType: "candidateArchiveChange",
      events: [
        {
          change: "rejected",
          occurredAt: new Date(1773046834567),
          application: application(phoneScreen),
          reason: "Under-qualified",
        },
      ],
    });
  });

  it("ignores an archive as hired (candidateHired reports it) and maps an unarchive to unrejected", () => {
    const hiredArchive = webhook("candidateArchiveChange-hired");
    expect(mapLever(hiredArchive, api("opportunity-hired"), posting, api("archive-reason-hired"))).toEqual({
      outcome: "ignored",
      deliveryId: "candidateArchiveChange:e7b3a5b6bf8c4d4a9c2b0f9e8a7d6c5b:1775822405789",
      eventType: "candidateArchiveChange",
      why: "Archived as hired: candidateHired reports the hire.",
    });
    expect(leverFollowUpPaths(webhook("candidateArchiveChange-unarchived"), api("opportunity-phone-screen"))).toEqual({
      posting: "/postings/f8b7dd19-1d9f-40f1-8090-e4a62e989e0b",
    });
    expect(mapLever(webhook("candidateArchiveChange-unarchived"), api("opportunity-phone-screen"), posting)).toEqual({
      outcome: "events",
      deliveryId: "candidateArchiveChange:d6a2f4a5ae7b4c3f8b1a9e8d7f6c5b4a:1773051245678",
      eventType: "candidateArchiveChange",
      events: [{ change: "unrejected", occurredAt: new Date(1773051245678), application: application(phoneScreen) }],
    });
  });

  it("maps candidateHired to hired", () => {
    expect(mapLever(webhook("candidateHired"), api("opportunity-hired"), posting)).toEqual({
      outcome: "events",
      deliveryId: "candidateHired:f8c4b6c7c09d4e5b8d3c1a0f9b8e7d6c:1775822405790",
      eventType: "candidateHired",
      events: [
        {
          change: "hired",
          occurredAt: new Date(1775822405790),
          application: application({ externalId: "offer", name: "Offer" }),
        },
      ],
    });
  });

  it("maps candidateDeleted to the deletion of the contact, without the opportunity Lever no longer has", () => {
    expect(mapLever(webhook("candidateDeleted"), null)).toEqual({
      outcome: "events",
      deliveryId: "candidateDeleted:09d5c7d8d1ae4f6c9e4d2b1a0c9f8e7d:1777626012345",
      eventType: "candidateDeleted",
      events: [
        {
          change: "candidate_deleted",
          occurredAt: new Date(1777626012345),
          candidateExternalId: "a1b2c3d4-8e9f-4a0b-b1c2-d3e4f5a6b7c8",
        },
      ],
    });
  });

  it("takes the first address Hearback can write to", () => {
    const { data } = api("opportunity-new-applicant") as { data: Record<string, unknown> };
    const emails = ["aiyana@", "a.redcloud@northwind.example"];
    expect(mapLever(webhook("applicationCreated"), { ...data, emails }, posting)).toMatchObject({
      events: [{ application: { candidate: { email: "a.redcloud@northwind.example" } } }],
    });
  });

  it("ignores other events, opportunities without a posting, and candidates without a usable email address", () => {
    expect(mapLever(webhook("interviewCreated"), null)).toEqual({
      outcome: "ignored",
      deliveryId: "interviewCreated:1ae6d8e9e2bf4a7d8f5e3c2b1d0a9f8e:1772791323000",
      eventType: "interviewCreated",
      why: 'Hearback does not act on "interviewCreated".',
    });
    const toString = readLeverWebhook({ ...(api("interviewCreated") as object), event: "toString" });
    expect(mapLever(toString, null)).toMatchObject({ outcome: "ignored", eventType: "toString" });
    const { data } = api("opportunity-new-applicant") as { data: Record<string, unknown> };
    expect(mapLever(webhook("applicationCreated"), { ...data, applications: [] })).toMatchObject({
      outcome: "ignored",
      why: "The opportunity is not applied to a posting.",
    });
    expect(mapLever(webhook("applicationCreated"), { ...data, emails: ["aiyana at example"] }, posting)).toMatchObject({
      outcome: "ignored",
      why: "The candidate has no usable email address, so Hearback cannot write to them.",
    });
  });

  it("says which request is missing, and refuses an opportunity it cannot read", () => {
    expect(() => mapLever(webhook("applicationCreated"), null)).toThrow("mapLever needs the opportunity");
    expect(() => mapLever(webhook("applicationCreated"), api("opportunity-new-applicant"))).toThrow(
      "mapLever needs the posting: GET /postings/f8b7dd19-1d9f-40f1-8090-e4a62e989e0b.",
    );
    expect(() => mapLever(webhook("candidateArchiveChange"), api("opportunity-archived"), posting)).toThrow(
      "mapLever needs the archive reason: GET /archive_reasons/4105fb10-1f79-44ec-b873-33886dc01348.",
    );
    const { data } = api("opportunity-new-applicant") as { data: Record<string, unknown> };
    expect(() => mapLever(webhook("applicationCreated"), { ...data, stage: "applicant-new" }, posting)).toThrow(
      new UnreadablePayload("opportunity.stage: Expected object, got string."),
    );
    expect(() => mapLever(webhook("applicationCreated"), { ...data, emails: [42] }, posting)).toThrow(
      new UnreadablePayload("opportunity.emails[0]: Expected string, got number."),
    );
  });
});

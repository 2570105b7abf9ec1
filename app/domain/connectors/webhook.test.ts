// Golden tests for Hearback's own generic format. The fixtures follow Standard Webhooks' payload convention
// (https://www.standardwebhooks.com: a `type`, a `timestamp` and a `data` object); what is inside `data` is ours.
import { describe, expect, it } from "vitest";
import { fixtureJson } from "../../../tests/connector-fixtures";
import { UnreadablePayload } from "./events";
import { mapGenericWebhook } from "./webhook";

const webhookId = "msg_2Zc1bqWpK4vJ7yT9xR3nM8dF6gH";
const map = (name: string) => mapGenericWebhook(fixtureJson("webhook", name), webhookId);
type Json = { type: string; data: Record<string, unknown> & { candidate: Record<string, unknown> } };
const payload = (name: string) => fixtureJson("webhook", name) as Json;

const candidate = {
  externalId: "cand_01HQ7ZJX2A8W3E5R7T9Y1U3I5O",
  name: "Léa Fontaine",
  email: "lea.fontaine@example.fr",
  phone: "+33 6 12 34 56 78",
  timeZone: "Europe/Paris",
  locale: undefined, // "fr": Hearback does not write in French, so the candidate reads the fallback language
};
const application = (stage: { externalId: string; name: string }) => ({
  externalId: "app_01HQ7ZK3M9V4T8R2N6B5C1D0EF",
  candidate,
  job: { externalId: "job_8841", title: "Product Designer" },
  stage,
  appliedAt: new Date("2026-03-02T08:15:00Z"),
  source: "Careers page",
});
const portfolioCall = { externalId: "stg_portfolio", name: "Portfolio review call" };
const delivery = (type: string, event: Record<string, unknown>) => ({
  outcome: "events",
  deliveryId: webhookId,
  eventType: type,
  events: [event],
});

describe("mapGenericWebhook", () => {
  it("maps application.created", () => {
    expect(map("application.created")).toEqual(
      delivery("application.created", {
        change: "created",
        occurredAt: new Date("2026-03-02T08:15:00Z"),
        application: application({ externalId: "stg_applied", name: "Applied" }),
      }),
    );
  });

  it("maps application.stage_changed, reading the offset in occurredAt", () => {
    expect(map("application.stage_changed")).toEqual(
      delivery("application.stage_changed", {
        change: "stage_changed",
        occurredAt: new Date("2026-03-05T13:30:00Z"),
        application: application(portfolioCall),
      }),
    );
  });

  it("maps application.rejected with its reason", () => {
    expect(map("application.rejected")).toEqual(
      delivery("application.rejected", {
        change: "rejected",
        occurredAt: new Date("2026-03-09T10:00:00Z"),
        application: application(portfolioCall),
        reason: "We chose a candidate with more design-systems experience.",
      }),
    );
  });

  it("maps application.unrejected, application.withdrawn and application.hired", () => {
    expect(map("application.unrejected")).toEqual(
      delivery("application.unrejected", {
        change: "unrejected",
        occurredAt: new Date("2026-03-09T10:19:58Z"),
        application: application(portfolioCall),
      }),
    );
    expect(map("application.withdrawn")).toEqual(
      delivery("application.withdrawn", {
        change: "withdrawn",
        occurredAt: new Date("2026-03-10T07:45:10Z"),
        application: application(portfolioCall),
        reason: "Accepted another offer.",
      }),
    );
    expect(map("application.hired")).toEqual(
      delivery("application.hired", {
        change: "hired",
        occurredAt: new Date("2026-04-02T15:59:30Z"),
        application: application({ externalId: "stg_offer", name: "Offer" }),
      }),
    );
  });

  it("maps candidate.deleted to the person's deletion", () => {
    expect(map("candidate.deleted")).toEqual(
      delivery("candidate.deleted", {
        change: "candidate_deleted",
        occurredAt: new Date("2026-05-01T08:59:59Z"),
        candidateExternalId: "cand_01HQ7ZJX2A8W3E5R7T9Y1U3I5O",
      }),
    );
  });

  it("ignores a type it does not know, without reading its data", () => {
    expect(map("interview.scheduled")).toEqual({
      outcome: "ignored",
      deliveryId: webhookId,
      eventType: "interview.scheduled",
      why: 'Hearback does not read "interview.scheduled" events.',
    });
  });

  it("keeps a language Hearback writes in, from a regional tag too", () => {
    const body = payload("application.created");
    body.data.candidate.locale = "de-AT";
    expect(mapGenericWebhook(body, webhookId)).toMatchObject({
      events: [{ application: { candidate: { locale: "de" } } }],
    });
  });

  it("needs only what a candidate and an application cannot do without", () => {
    const body = {
      type: "application.created",
      data: {
        externalId: "A-1",
        candidate: { name: " Sam Okafor ", email: " sam@example.com " },
        job: { externalId: "J-1", title: "Support Lead" },
        occurredAt: "2026-03-02T08:15:00Z",
      },
    };
    expect(mapGenericWebhook(body, webhookId)).toEqual(
      delivery("application.created", {
        change: "created",
        occurredAt: new Date("2026-03-02T08:15:00Z"),
        application: {
          externalId: "A-1",
          candidate: { name: "Sam Okafor", email: "sam@example.com" },
          job: { externalId: "J-1", title: "Support Lead" },
        },
      }),
    );
  });

  it("refuses an invalid body for a known type, naming the field in the project's words", () => {
    const bad = (mutate: (body: Json) => void) => {
      const body = payload("application.rejected");
      mutate(body);
      return () => mapGenericWebhook(body, webhookId);
    };
    expect(bad((body) => (body.data.candidate.email = "lea.fontaine"))).toThrow(
      new UnreadablePayload("data.candidate.email: Enter a valid email address, like name@example.com."),
    );
    expect(bad((body) => delete body.data.candidate.email)).toThrow(
      new UnreadablePayload("data.candidate.email: Email is required."),
    );
    expect(bad((body) => (body.data.job = { externalId: "job_8841" }))).toThrow(
      new UnreadablePayload("data.job.title: Job title is required."),
    );
    expect(bad((body) => (body.data.occurredAt = "9 March"))).toThrow(
      new UnreadablePayload("data.occurredAt: occurredAt must be an ISO 8601 date-time, like 2026-03-01T09:30:00Z."),
    );
    expect(bad((body) => (body.data.candidate.timeZone = "Paris"))).toThrow(
      new UnreadablePayload("data.candidate.timeZone: Choose a time zone from the IANA list, like Europe/Berlin."),
    );
    expect(() =>
      mapGenericWebhook({ type: "candidate.deleted", data: { occurredAt: "2026-05-01T08:59:59Z" } }, webhookId),
    ).toThrow(new UnreadablePayload("data.candidate: Required."));
    expect(() => mapGenericWebhook({ data: {} }, webhookId)).toThrow(new UnreadablePayload("type: Required."));
    expect(() => mapGenericWebhook([], webhookId)).toThrow(new UnreadablePayload("body: Expected object, got array."));
  });
});

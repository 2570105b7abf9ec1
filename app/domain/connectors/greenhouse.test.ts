// Golden tests: each Greenhouse fixture → the exact delivery. The fixtures follow the payloads documented at
// https://developers.greenhouse.io/webhooks.html (github.com/grnhse/greenhouse-api-docs, source/includes/webhooks/),
// with our own values. Inferred, not documented: the ping body (Greenhouse only says it carries "some configuration
// settings"; its shape is the one Zulip's Greenhouse integration recorded, zulip/zulip
// zerver/webhooks/greenhouse/fixtures/ping_event.json), and that Greenhouse escapes ä and ß as well as < > & (its docs
// say "Greenhouse will escape Unicode characters" and show <p> as \u003cp\u003e).
import { describe, expect, it } from "vitest";
import { fixtureJson, readFixture } from "../../../tests/connector-fixtures";
import { UnreadablePayload } from "./events";
import { GREENHOUSE_EVENT_ID_HEADER, mapGreenhouse } from "./greenhouse";

const receivedAt = new Date("2026-03-04T13:40:25.120Z");
const headers = (eventId = "3ce5180d-9119-4ddc-9ef6-21edb6e76f8a") =>
  new Headers({ [GREENHOUSE_EVENT_ID_HEADER]: eventId });
const map = (name: string) => mapGreenhouse(fixtureJson("greenhouse", name), headers(), receivedAt);

const candidate = {
  externalId: "60923411",
  name: "Mariam Haddad",
  email: "mariam.haddad@example.com",
  phone: "+49 30 5557 0142",
};
const job = { externalId: "4471203", title: "Senior Backend Engineer" };
const phoneScreen = { externalId: "7733102", name: "Preliminary Phone Screen" };
const application = (stage: { externalId: string; name: string } | undefined) => ({
  externalId: "81234567",
  candidate,
  job,
  stage,
  appliedAt: new Date("2026-03-02T09:14:08Z"),
  source: "Jobs page on your website",
});

type Json = {
  action: string;
  payload: { application: Record<string, unknown> & { candidate: Record<string, unknown> } };
};
const payload = (name: string) => fixtureJson("greenhouse", name) as Json;

describe("mapGreenhouse", () => {
  it("maps a new application to created, at applied_at, with the personal address rather than the work one", () => {
    expect(map("new_candidate_application")).toEqual({
      outcome: "events",
      deliveryId: "3ce5180d-9119-4ddc-9ef6-21edb6e76f8a",
      eventType: "new_candidate_application",
      events: [
        {
          change: "created",
          occurredAt: new Date("2026-03-02T09:14:08Z"),
          application: application({ externalId: "7733101", name: "Application Review" }),
        },
      ],
    });
  });

  it("maps a stage change to stage_changed at the delivery time (Greenhouse sends no time of the change)", () => {
    expect(map("candidate_stage_change")).toEqual({
      outcome: "events",
      deliveryId: "3ce5180d-9119-4ddc-9ef6-21edb6e76f8a",
      eventType: "candidate_stage_change",
      events: [{ change: "stage_changed", occurredAt: receivedAt, application: application(phoneScreen) }],
    });
  });

  it("maps a rejection to rejected at rejected_at, with the reason's name but none of the private rejection details", () => {
    expect(map("reject_candidate")).toEqual({
      outcome: "events",
      deliveryId: "3ce5180d-9119-4ddc-9ef6-21edb6e76f8a",
      eventType: "reject_candidate",
      events: [
        {
          change: "rejected",
          occurredAt: new Date("2026-03-06T16:05:41Z"),
          application: application(phoneScreen),
          reason: "Lacking skill(s)/qualification(s)",
        },
      ],
    });
  });

  it('maps a rejection of type "They rejected us" (one of Greenhouse\'s three fixed types) to withdrawn', () => {
    const body = payload("reject_candidate");
    body.payload.application.rejection_reason = {
      id: 9511,
      name: "Accepted another offer",
      type: { id: 2, name: "They rejected us" },
    };
    expect(mapGreenhouse(body, headers(), receivedAt)).toMatchObject({
      events: [
        {
          change: "withdrawn",
          occurredAt: new Date("2026-03-06T16:05:41Z"),
          application: application(phoneScreen),
          reason: "Accepted another offer",
        },
      ],
    });
  });

  it("maps an unrejection to unrejected", () => {
    expect(map("unreject_candidate")).toEqual({
      outcome: "events",
      deliveryId: "3ce5180d-9119-4ddc-9ef6-21edb6e76f8a",
      eventType: "unreject_candidate",
      events: [{ change: "unrejected", occurredAt: receivedAt, application: application(phoneScreen) }],
    });
  });

  it("maps a hire to hired when the offer was accepted; the hire payload names no stage and no applied_at", () => {
    expect(map("hire_candidate")).toEqual({
      outcome: "events",
      deliveryId: "3ce5180d-9119-4ddc-9ef6-21edb6e76f8a",
      eventType: "hire_candidate",
      events: [
        {
          change: "hired",
          occurredAt: new Date("2026-04-07T08:31:02Z"),
          application: { ...application(undefined), appliedAt: undefined },
        },
      ],
    });
  });

  it("maps a candidate deletion to candidate_deleted for the person", () => {
    expect(map("delete_candidate")).toEqual({
      outcome: "events",
      deliveryId: "3ce5180d-9119-4ddc-9ef6-21edb6e76f8a",
      eventType: "delete_candidate",
      events: [{ change: "candidate_deleted", occurredAt: receivedAt, candidateExternalId: "60923411" }],
    });
  });

  it("answers the ping Greenhouse sends when a web hook is saved", () => {
    expect(map("ping")).toEqual({
      outcome: "ping",
      deliveryId: "3ce5180d-9119-4ddc-9ef6-21edb6e76f8a",
      eventType: "ping",
    });
  });

  it("ignores events Hearback does not act on, such as offers", () => {
    expect(map("offer_created")).toEqual({
      outcome: "ignored",
      deliveryId: "3ce5180d-9119-4ddc-9ef6-21edb6e76f8a",
      eventType: "offer_created",
      why: 'Hearback does not act on "offer_created".',
    });
  });

  it("takes no action name for a change it is not, even one every object answers to", () => {
    const mapped = mapGreenhouse({ action: "constructor", payload: {} }, headers(), receivedAt);
    expect(mapped).toMatchObject({ outcome: "ignored", eventType: "constructor" });
  });

  it("reads a body exactly as Greenhouse escapes it: the name and the titles come out unescaped", () => {
    const raw = readFixture("greenhouse", "candidate_stage_change_unicode_escaped");
    expect(raw).toContain('"first_name":"Zo\\u00eb","last_name":"\\u00c5ngstr\\u00f6m"');
    expect(raw).toContain("\\u003cp\\u003e");
    expect(raw).not.toMatch(/[<>&ëÅ]|[^\x20-\x7e]/); // nothing unescaped, no newline: the bytes Greenhouse signs
    expect(mapGreenhouse(JSON.parse(raw), headers("8f0f0a7e-5d3c-4c55-bf3e-0e1d2b9c7a10"), receivedAt)).toEqual({
      outcome: "events",
      deliveryId: "8f0f0a7e-5d3c-4c55-bf3e-0e1d2b9c7a10",
      eventType: "candidate_stage_change",
      events: [
        {
          change: "stage_changed",
          occurredAt: receivedAt,
          application: {
            externalId: "81239001",
            candidate: {
              externalId: "60923988",
              name: "Zoë Ångström",
              email: "zoe.angstrom@example.se",
              phone: "+46 8 555 012 34",
            },
            job: { externalId: "4471977", title: "R&D Data Engineer" },
            stage: { externalId: "7733901", name: "Phone Screen (<30 min)" },
            appliedAt: new Date("2026-03-09T07:55:40Z"),
            source: "Jobs page on your website",
          },
        },
      ],
    });
  });

  it("reads the delivery id header whatever its case", () => {
    const mapped = mapGreenhouse(payload("ping"), new Headers({ "greenhouse-event-id": "abc-123" }), receivedAt);
    expect(mapped.deliveryId).toBe("abc-123");
  });

  it("without the header, keys a delivery by what the payload says, so a replay gets the same key", () => {
    const keyOf = (name: string) => mapGreenhouse(payload(name), new Headers(), receivedAt).deliveryId;
    expect(keyOf("candidate_stage_change")).toBe("candidate_stage_change:81234567:7733102:-");
    expect(
      mapGreenhouse(payload("candidate_stage_change"), new Headers(), new Date("2026-03-05T00:00:00Z")).deliveryId,
    ).toBe("candidate_stage_change:81234567:7733102:-");
    expect(keyOf("reject_candidate")).toBe("reject_candidate:81234567:7733102:2026-03-06T16:05:41.000Z");
    expect(keyOf("delete_candidate")).toBe("delete_candidate:60923411");
    expect(keyOf("ping")).toBe("ping:184420");
  });

  it("takes the personal address only if it is usable, and skips addresses nobody can write to", () => {
    const body = payload("candidate_stage_change");
    body.payload.application.candidate.email_addresses = [
      { value: "n/a", type: "other" },
      { value: "mariam at example", type: "personal" },
      { value: " m.haddad@lagerwerk.example ", type: "work" },
    ];
    expect(mapGreenhouse(body, headers(), receivedAt)).toMatchObject({
      events: [{ application: { candidate: { email: "m.haddad@lagerwerk.example" } } }],
    });
  });

  it("ignores prospects, applications without a job, and candidates without a usable email address", () => {
    const prospect = payload("candidate_stage_change");
    prospect.payload.application.prospect = true;
    const jobless = payload("candidate_stage_change");
    jobless.payload.application.jobs = [];
    const unreachable = payload("candidate_stage_change");
    unreachable.payload.application.candidate.email_addresses = [{ value: "unknown", type: "personal" }];
    for (const [body, why] of [
      [prospect, "A prospect, not an applicant."],
      [jobless, "The application has no job."],
      [unreachable, "The candidate has no usable email address, so Hearback cannot write to them."],
    ] as const) {
      expect(mapGreenhouse(body, headers(), receivedAt)).toEqual({
        outcome: "ignored",
        deliveryId: "3ce5180d-9119-4ddc-9ef6-21edb6e76f8a",
        eventType: "candidate_stage_change",
        why,
      });
    }
  });

  it("refuses a body it cannot read, naming the field", () => {
    const bad = (mutate: (body: Json) => void) => {
      const body = payload("candidate_stage_change");
      mutate(body);
      return () => mapGreenhouse(body, headers(), receivedAt);
    };
    expect(() => mapGreenhouse("not json", headers(), receivedAt)).toThrow(
      new UnreadablePayload("body: Expected object, got string."),
    );
    expect(() => mapGreenhouse({ payload: {} }, headers(), receivedAt)).toThrow(
      new UnreadablePayload("action: Required."),
    );
    expect(bad((body) => delete (body.payload as Partial<Json["payload"]>).application)).toThrow(
      new UnreadablePayload("payload.application: Required."),
    );
    expect(bad((body) => (body.payload.application.id = { id: 1 }))).toThrow(
      new UnreadablePayload("payload.application.id: Expected a number or a string id."),
    );
    expect(bad((body) => (body.payload.application.candidate.email_addresses = [{ type: "personal" }]))).toThrow(
      new UnreadablePayload("payload.application.candidate.email_addresses[0].value: Required."),
    );
    expect(bad((body) => (body.payload.application.applied_at = "last Tuesday"))).toThrow(UnreadablePayload);
  });
});

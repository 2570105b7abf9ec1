// What a connected ATS tells Hearback, in one vendor-neutral shape. Each vendor's mapping (greenhouse.ts, ashby.ts,
// lever.ts, webhook.ts) turns its own payloads into these; one model function applies them. Pure: no I/O.

export const CONNECTOR_KINDS = ["greenhouse", "ashby", "lever", "webhook"] as const;
export type ConnectorKind = (typeof CONNECTOR_KINDS)[number];

/** Who writes to candidates about what the ATS reports: Hearback (acknowledgements, stage emails, rejections at a
 * humane time, the survey), or the ATS itself (Hearback sends nothing on its own; the clocks still run). */
export const CONNECTOR_EMAIL_MODES = ["hearback", "ats"] as const;
export type ConnectorEmailMode = (typeof CONNECTOR_EMAIL_MODES)[number];

export type AtsCandidate = {
  /** The ATS's candidate (person) id, when it has one apart from the application. */
  externalId?: string;
  name: string;
  email: string;
  phone?: string;
  timeZone?: string;
  locale?: string;
};

export type AtsJob = { externalId: string; title: string };

/** A stage as the ATS names it; externalId when the ATS gives stages ids (Greenhouse, Ashby, Lever do). */
export type AtsStage = { externalId?: string; name: string };

/** One application as the ATS describes it at the time of the event. */
export type AtsApplication = {
  externalId: string;
  candidate: AtsCandidate;
  job: AtsJob;
  /** The stage it is in now (after the change); absent when the payload does not say. */
  stage?: AtsStage;
  appliedAt?: Date;
  source?: string;
};

export const ATS_CHANGES = ["created", "stage_changed", "rejected", "unrejected", "hired", "withdrawn"] as const;
export type AtsChange = (typeof ATS_CHANGES)[number];

/** Something that happened to an application in the ATS. Every change carries the whole application, so one that
 * arrives before the application's creation can still create it. */
export type AtsApplicationEvent = {
  change: AtsChange;
  /** When it happened in the ATS (or, when the payload does not say, when the ATS sent it). */
  occurredAt: Date;
  application: AtsApplication;
  /** Rejection or withdrawal reason, as the ATS words it. */
  reason?: string;
  /** The ATS says the application is active in its pipeline now. A stage change of an application rejected here then
   * means the ATS took it back (Ashby reports an unarchive only this way), so it is reopened. */
  activeInAts?: boolean;
};

/** The candidate was deleted in the ATS: Hearback erases them too. */
export type AtsCandidateDeleted = { change: "candidate_deleted"; occurredAt: Date; candidateExternalId: string };

export type AtsEvent = AtsApplicationEvent | AtsCandidateDeleted;

/** What one delivery means, once verified and read. */
export type MappedDelivery =
  /** Changes to apply; `deliveryId` is the vendor's id for the delivery (or the action it fans out from), the key
   * that makes a replay change nothing. */
  | { outcome: "events"; deliveryId: string; eventType: string; events: AtsEvent[] }
  /** A vendor's connectivity check (Ashby's ping): answered, nothing to apply. */
  | { outcome: "ping"; deliveryId: string; eventType: string }
  /** A well-formed event Hearback does not act on (an offer update, a note): recorded as ignored. */
  | { outcome: "ignored"; deliveryId: string; eventType: string; why: string };

/** A payload that is signed correctly but cannot be read: the sender gets 400 with this message. */
export class UnreadablePayload extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnreadablePayload";
  }
}

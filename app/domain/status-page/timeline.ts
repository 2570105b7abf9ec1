// What of the touchpoint log a candidate may read on their status page: candidate-visible events only, and of those
// only the fields written for the candidate. Reasons, notes, staff names and ids, automation flags and internal ids
// never pass, because each event is rebuilt from an allow-list rather than filtered by a deny-list.
import { OUTCOMES, type Outcome } from "../applications";
import { INTERVIEW_ACTIONS, INTERVIEW_KINDS, type InterviewAction, type InterviewKind } from "../interviews/types";

type Base = { id: string; occurredAt: Date };

/** What a candidate may read of an interview's history: its end and a no-show are for the team. */
export type CandidateInterviewAction = Exclude<InterviewAction, "ended" | "no_show">;

export type CandidateEvent =
  | (Base & { type: "applied" })
  | (Base & { type: "stage_changed"; toStageId: string | null; toStageName: string })
  | (Base & { type: "message_out"; subject: string | null; body: string })
  | (Base & { type: "message_in"; body: string })
  | (Base & {
      type: "interview";
      /** Null on records written before interviews were planned in Hearback. */
      action: CandidateInterviewAction | null;
      kind: InterviewKind | null;
      when: Date | null;
      where: string | null;
      /** Whom the candidate meets, as the page loaded them from the interviewers' ids. */
      names: string[];
      /** How many times were offered (offered only). */
      offered: number | null;
    })
  | (Base & { type: "outcome"; outcome: Outcome });

export type LoggedEvent = { id: string; type: string; visibility: string; occurredAt: Date; data: unknown };

function field(data: unknown, name: string): string | null {
  if (typeof data !== "object" || data === null) return null;
  const value = (data as Record<string, unknown>)[name];
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return (values as readonly string[]).includes(value ?? "") ? (value as T) : null;
}

function names(data: unknown): string[] {
  if (typeof data !== "object" || data === null) return [];
  const value = (data as Record<string, unknown>).names;
  return Array.isArray(value) ? value.filter((name): name is string => typeof name === "string" && name !== "") : [];
}

function count(data: unknown, name: string): number | null {
  if (typeof data !== "object" || data === null) return null;
  const value = (data as Record<string, unknown>)[name];
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : null;
}

function instant(value: string | null): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The candidate's view of one logged event, or null when they may not see it at all. */
export function candidateSafeEvent(event: LoggedEvent): CandidateEvent | null {
  if (event.visibility !== "candidate") return null;
  const base = { id: event.id, occurredAt: event.occurredAt };
  switch (event.type) {
    case "applied":
      return { ...base, type: "applied" };
    case "stage_changed": {
      const toStageName = field(event.data, "toStageName");
      return toStageName
        ? { ...base, type: "stage_changed", toStageId: field(event.data, "toStageId"), toStageName }
        : null;
    }
    case "message_out": {
      const body = field(event.data, "body");
      return body ? { ...base, type: "message_out", subject: field(event.data, "subject"), body } : null;
    }
    case "message_in": {
      const body = field(event.data, "body");
      return body ? { ...base, type: "message_in", body } : null;
    }
    case "interview": {
      const action = oneOf(INTERVIEW_ACTIONS, field(event.data, "action"));
      // The end of an interview and a no-show are for the team, whatever the record says.
      if (action === "ended" || action === "no_show") return null;
      return {
        ...base,
        type: "interview",
        action,
        kind: oneOf(INTERVIEW_KINDS, field(event.data, "kind")),
        when: instant(field(event.data, "when")),
        where: field(event.data, "where"),
        names: names(event.data),
        offered: action === "offered" ? count(event.data, "offered") : null,
      };
    }
    case "decision": {
      const outcome = field(event.data, "outcome");
      return (OUTCOMES as readonly string[]).includes(outcome ?? "")
        ? { ...base, type: "outcome", outcome: outcome as Outcome }
        : null;
    }
    case "withdrawn":
      return { ...base, type: "outcome", outcome: "withdrawn" };
    default:
      return null;
  }
}

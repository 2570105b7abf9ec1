// Random application histories for the write-path property test: each step is legal where it stands (decisions only
// while the application is active, reopenings only after a rejection), and event steps come in time order.
import fc from "fast-check";
import type { Outcome } from "~/domain/applications";

export type Step =
  | {
      kind: "event";
      type: "stage_changed" | "message_out" | "message_in" | "note" | "status_viewed";
      /** Minutes after the application. */
      minutes: number;
      stage: number;
      automated: boolean;
      awaitsCandidate: boolean;
    }
  | { kind: "decide"; outcome: Outcome; notify: boolean }
  | { kind: "reopen" };

type Intent =
  | { kind: "event"; type: Extract<Step, { kind: "event" }>["type"]; gap: number; stage: number; flags: number }
  | { kind: "decide"; outcome: Outcome; notify: boolean }
  | { kind: "reopen" };

function intentArbitrary(stages: number): fc.Arbitrary<Intent> {
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant("event" as const),
        type: fc.constantFrom("stage_changed", "message_out", "message_in", "note", "status_viewed"),
        gap: fc.integer({ min: 1, max: 4 * 24 * 60 }),
        stage: fc.integer({ min: 0, max: stages - 1 }),
        flags: fc.integer({ min: 0, max: 3 }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant("decide" as const),
        outcome: fc.constantFrom<Outcome>("rejected", "rejected", "withdrawn", "hired"),
        notify: fc.boolean(),
      }),
    },
    { weight: 1, arbitrary: fc.constant({ kind: "reopen" as const }) },
  );
}

/** Turns intents into a legal history: an intent the application's state does not allow becomes a note. */
function legalHistory(intents: Intent[]): Step[] {
  let status: "active" | Outcome = "active";
  let minutes = 0;
  return intents.map((intent): Step => {
    if (intent.kind === "decide" && status === "active") {
      status = intent.outcome;
      return intent;
    }
    if (intent.kind === "reopen" && status === "rejected") {
      status = "active";
      return intent;
    }
    const event = intent.kind === "event" ? intent : { type: "note" as const, gap: 60, stage: 0, flags: 0 };
    // Moves happen only while the application is active, as the board allows.
    const type = event.type === "stage_changed" && status !== "active" ? "note" : event.type;
    minutes += event.gap;
    return {
      kind: "event",
      type,
      minutes,
      stage: event.stage,
      automated: (event.flags & 1) === 1,
      awaitsCandidate: (event.flags & 2) === 2,
    };
  });
}

export function historyArbitrary(stages: number): fc.Arbitrary<Step[]> {
  return fc.array(intentArbitrary(stages), { minLength: 1, maxLength: 10 }).map(legalHistory);
}

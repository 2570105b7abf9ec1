// Realistic application histories as plans (ApplicationPlan): an application walks a job's pipeline toward a chosen
// fate at a team's pace — acknowledgement, invitations, replies, notes, interviews, decisions and (mostly) the message
// that tells the candidate — and everything after `until` simply has not happened yet. Random choices come from the
// factories' seeded `rng`, so a seed gives the same histories. Apply a plan with createApplicationWithHistory (models)
// or insertApplicationsInBulk (fast path).
import type { Outcome } from "~/domain/applications";
import type { StageKind } from "~/domain/jobs";
import type { Actor } from "~/models/scope.server";
import { rng, type ApplicationPlan, type CandidateData, type HistoryStep } from "./factories";
import {
  CANDIDATE_MESSAGES,
  message,
  NOTES,
  REJECTION_REASONS,
  type CandidateMessageKind,
  type MessageKind,
} from "./history-texts";

export type Pace = "fast" | "steady" | "slow";

export type Fate =
  | "rejected_at_application"
  | "rejected_after_screen"
  | "rejected_after_interview"
  | "hired"
  | "offer_declined"
  | "withdrawn"
  | "in_progress";

export type StoryStaff = Actor & { name: string };

export type StoryJob = { id: string; title: string; stages: { id: string; name: string; kind: StageKind }[] };

export type StoryOptions = {
  job: StoryJob;
  candidate: CandidateData;
  appliedAt: Date;
  /** Nothing happens after this instant (usually now). */
  until: Date;
  fate: Fate;
  pace: Pace;
  recruiter: StoryStaff;
  hiringManager: StoryStaff;
  interviewers: StoryStaff[];
  source?: string;
  /** The job stopped: "closed" rejects whoever is left, "on_hold" leaves them waiting (a few are told). */
  jobStopped?: { at: Date; status: "closed" | "on_hold" };
  /** Chance that a rejected candidate is told. */
  closureRate?: number;
  /** Chance that the team goes quiet on an application still in progress (a silent candidate). */
  stallRate?: number;
  /** Chance of the automated acknowledgement. */
  acknowledgementRate?: number;
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Hours until the team acts, by pace. */
const RESPONSE_HOURS: Record<Pace, [number, number]> = { fast: [2, 20], steady: [18, 80], slow: [72, 300] };

/** A pace near the team's usual one: mostly theirs, sometimes better or worse. */
export function varyPace(usual: Pace): Pace {
  return rng.helpers.weightedArrayElement([
    { value: usual, weight: 70 },
    { value: "fast" as const, weight: 10 },
    { value: "steady" as const, weight: 10 },
    { value: "slow" as const, weight: 10 },
  ]);
}

/** Staff work Monday to Friday, 07:00–17:00 UTC (office hours from London to Berlin); later work waits for that. */
function nextWorkingMoment(at: Date): Date {
  const moment = new Date(at);
  for (let guard = 0; guard < 8; guard += 1) {
    const day = moment.getUTCDay();
    const hour = moment.getUTCHours();
    if (day === 0 || day === 6 || hour >= 17) {
      moment.setUTCDate(moment.getUTCDate() + 1);
      moment.setUTCHours(7, rng.number.int({ min: 0, max: 119 }), 0, 0);
    } else if (hour < 7) {
      moment.setUTCHours(7, rng.number.int({ min: 0, max: 119 }), 0, 0);
    } else {
      return moment;
    }
  }
  return moment;
}

function formatWhen(when: Date, locale: "en" | "de", timeZone: string): string {
  return new Intl.DateTimeFormat(locale === "de" ? "de-DE" : "en-GB", {
    dateStyle: "full",
    timeStyle: "short",
    timeZone,
  }).format(when);
}

class Story {
  readonly steps: HistoryStep[] = [];
  private cursor: Date;
  private stopped = false;
  private stageIndex = 0;
  closed = false;

  constructor(
    private readonly options: StoryOptions,
    startAt: Date = options.appliedAt,
  ) {
    this.cursor = startAt;
  }

  get ended(): boolean {
    return this.stopped;
  }

  get currentStage() {
    return this.options.job.stages[this.stageIndex]!;
  }

  /** Appends a step unless it would happen after `until`, which ends the story. */
  add(step: HistoryStep): boolean {
    if (this.stopped || step.at > this.options.until) {
      this.stopped = true;
      return false;
    }
    this.steps.push(step);
    this.cursor = step.at;
    return true;
  }

  staffTime(minHours: number, maxHours: number): Date {
    const minutes = rng.number.int({ min: Math.round(minHours * 60), max: Math.round(maxHours * 60) });
    return nextWorkingMoment(new Date(this.cursor.getTime() + Math.max(minutes, 5) * MINUTE));
  }

  responseTime(): Date {
    const [min, max] = RESPONSE_HOURS[this.options.pace];
    return this.staffTime(min, max);
  }

  candidateTime(minHours: number, maxHours: number): Date {
    const minutes = rng.number.int({ min: Math.round(minHours * 60), max: Math.round(maxHours * 60) });
    return new Date(this.cursor.getTime() + Math.max(minutes, 5) * MINUTE);
  }

  sendMessage(
    kind: MessageKind,
    at: Date,
    extra: { automated?: boolean; awaitsCandidate?: boolean; when?: Date } = {},
  ) {
    const { candidate, job, recruiter } = this.options;
    const text = message(kind, candidate.locale, {
      firstName: candidate.name.split(" ")[0]!,
      jobTitle: job.title,
      recruiterName: recruiter.name,
      when: extra.when ? formatWhen(extra.when, candidate.locale, candidate.timeZone) : undefined,
    });
    return this.add({
      type: "message_out",
      at,
      by: recruiter,
      subject: text.subject,
      body: text.body,
      automated: extra.automated ?? false,
      awaitsCandidate: extra.awaitsCandidate ?? false,
    });
  }

  candidateWrites(kind: CandidateMessageKind, at: Date) {
    const body = rng.helpers.arrayElement(CANDIDATE_MESSAGES[kind][this.options.candidate.locale]);
    return this.add({ type: "message_in", at, by: this.options.recruiter, body });
  }

  note(by: StoryStaff, body: string, at: Date) {
    return this.add({ type: "note", at, by, body });
  }

  moveTo(index: number, at: Date) {
    const stage = this.options.job.stages[index]!;
    if (!this.add({ type: "move", at, by: this.options.recruiter, stageId: stage.id })) return false;
    this.stageIndex = index;
    return true;
  }

  decide(outcome: Outcome, by: StoryStaff, at: Date, reason?: string) {
    if (!this.add({ type: "decision", at, by, outcome, ...(reason ? { reason } : {}) })) return false;
    this.closed = true;
    return true;
  }
}

function stageIndexes(job: StoryJob) {
  const kinds = job.stages.map((stage) => stage.kind);
  const firstOf = (kind: StageKind) => kinds.indexOf(kind);
  const offer = firstOf("offer") === -1 ? kinds.length - 1 : firstOf("offer");
  const screen = firstOf("screen") === -1 ? Math.min(1, offer) : firstOf("screen");
  const interview = firstOf("interview") === -1 ? Math.max(screen, offer - 1) : firstOf("interview");
  return { screen, interview, offer };
}

/** How far along the pipeline an application with this fate gets. */
function targetStage(job: StoryJob, fate: Fate): number {
  const { screen, interview, offer } = stageIndexes(job);
  switch (fate) {
    case "rejected_at_application":
      return 0;
    case "rejected_after_screen":
      return screen;
    case "rejected_after_interview":
      return rng.number.int({ min: interview, max: Math.max(interview, offer - 1) });
    case "hired":
    case "offer_declined":
      return offer;
    case "withdrawn":
      return rng.number.int({ min: 0, max: interview });
    case "in_progress":
      return rng.helpers.weightedArrayElement(
        job.stages.slice(0, offer + 1).map((_, index) => ({ value: index, weight: index === offer ? 1 : 6 - index })),
      );
  }
}

// Entering a stage: what a team does to invite the candidate into it, and what comes of it.
function enterStage(story: Story, index: number, options: StoryOptions): void {
  const { job, recruiter, hiringManager, interviewers } = options;
  const kind = job.stages[index]!.kind;
  const decidedAt = story.responseTime();
  if (kind === "interview") {
    const panel = [hiringManager, rng.helpers.arrayElement(interviewers.length ? interviewers : [hiringManager])];
    const uniquePanel = [...new Map(panel.map((person) => [person.id, person])).values()];
    for (const person of uniquePanel) {
      if (person.role === "interviewer") {
        story.add({ type: "assign_interviewer", at: decidedAt, by: recruiter, userId: person.id });
      }
    }
    if (!story.moveTo(index, new Date(decidedAt.getTime() + MINUTE))) return;
    const slot = nextWorkingMoment(new Date(decidedAt.getTime() + rng.number.int({ min: 48, max: 170 }) * HOUR));
    const when = new Date(Math.ceil(slot.getTime() / (30 * MINUTE)) * 30 * MINUTE); // on the hour or half hour
    if (
      !story.sendMessage("interview_invite", new Date(decidedAt.getTime() + 2 * MINUTE), {
        awaitsCandidate: true,
        when,
      })
    )
      return;
    story.add({
      type: "interview",
      at: new Date(decidedAt.getTime() + 3 * MINUTE),
      by: recruiter,
      when,
      where: rng.helpers.arrayElement(["Video call (Google Meet)", "Video call (Zoom)", "Office, Berlin Mitte"]),
      interviewerIds: uniquePanel.map((person) => person.id),
    });
    if (!story.candidateWrites("confirm", story.candidateTime(1, 20))) return;
    const feedbackAt = new Date(when.getTime() + rng.number.int({ min: 60, max: 240 }) * MINUTE);
    if (!story.note(rng.helpers.arrayElement(uniquePanel), rng.helpers.arrayElement(NOTES.interview), feedbackAt))
      return;
    if (options.pace !== "slow" || rng.datatype.boolean(0.4)) {
      story.sendMessage("post_interview_thanks", story.staffTime(0.5, options.pace === "fast" ? 6 : 30));
    }
    return;
  }
  if (!story.moveTo(index, decidedAt)) return;
  if (kind === "screen") {
    if (!story.sendMessage("screen_invite", new Date(decidedAt.getTime() + MINUTE), { awaitsCandidate: true })) return;
    if (!story.candidateWrites("confirm", story.candidateTime(1, 36))) return;
    story.note(recruiter, rng.helpers.arrayElement(NOTES.screen), story.staffTime(24, 96));
  } else if (kind === "assessment") {
    if (!story.sendMessage("assessment", new Date(decidedAt.getTime() + MINUTE), { awaitsCandidate: true })) return;
    if (!story.candidateWrites("submission", story.candidateTime(30, 140))) return;
    story.note(hiringManager, rng.helpers.arrayElement(NOTES.assessment), story.responseTime());
  } else if (kind === "offer") {
    story.sendMessage("offer", new Date(decidedAt.getTime() + 30 * MINUTE), { awaitsCandidate: true });
  }
}

/** The history of one application, from its fate and the team's pace, cut off at `until`. */
export function planApplication(options: StoryOptions): ApplicationPlan {
  const { job, fate, recruiter, hiringManager } = options;
  const story = new Story({ ...options, until: options.jobStopped?.at ?? options.until });
  const stalls = fate === "in_progress" && rng.datatype.boolean(options.stallRate ?? 0.25);

  if (rng.datatype.boolean(options.acknowledgementRate ?? 0.85)) {
    story.sendMessage("acknowledgement", story.candidateTime(0.03, 0.2), { automated: true });
  }
  const target = targetStage(job, fate);
  for (let index = 1; index <= target && !story.ended; index += 1) {
    if (stalls && index === target) break; // the team never gets round to the next step
    if (rng.datatype.boolean(0.12)) {
      // The candidate asks something; the team answers at its pace.
      if (story.candidateWrites("question", story.candidateTime(4, 60)))
        story.sendMessage("reply", story.responseTime());
    }
    enterStage(story, index, options);
  }

  if (!story.ended) {
    const stage = story.currentStage.kind;
    const reasons =
      stage === "applied"
        ? REJECTION_REASONS.application
        : stage === "screen"
          ? REJECTION_REASONS.screen
          : REJECTION_REASONS.interview;
    switch (fate) {
      case "rejected_at_application":
      case "rejected_after_screen":
      case "rejected_after_interview": {
        const decider = stage === "applied" || stage === "screen" ? recruiter : hiringManager;
        if (story.decide("rejected", decider, story.responseTime(), rng.helpers.arrayElement(reasons))) {
          if (rng.datatype.boolean(options.closureRate ?? 0.85))
            story.sendMessage("rejection", story.staffTime(0.2, 30));
        }
        break;
      }
      case "hired":
        if (story.candidateWrites("accept", story.candidateTime(12, 96))) {
          if (story.decide("hired", hiringManager, story.staffTime(0.5, 8))) {
            story.sendMessage("welcome", story.staffTime(0.2, 4));
          }
        }
        break;
      case "offer_declined":
        if (story.candidateWrites("decline", story.candidateTime(24, 120))) {
          if (story.decide("withdrawn", recruiter, story.staffTime(0.5, 8), "Accepted another offer")) {
            story.sendMessage("withdrawal_ack", story.staffTime(0.2, 24));
          }
        }
        break;
      case "withdrawn":
        if (story.candidateWrites("withdraw", story.candidateTime(24, 200))) {
          if (story.decide("withdrawn", recruiter, story.staffTime(0.5, 24), "Accepted another offer")) {
            if (rng.datatype.boolean(0.8)) story.sendMessage("withdrawal_ack", story.staffTime(0.2, 24));
          }
        }
        break;
      case "in_progress":
        if (stalls) {
          // Weeks of silence, and maybe a nudge nobody answers.
          if (rng.datatype.boolean(0.5)) story.candidateWrites("nudge", story.candidateTime(240, 600));
        } else if (rng.datatype.boolean(0.5)) {
          story.sendMessage("delay_update", story.responseTime());
        }
        break;
    }
  }

  if (options.jobStopped && !story.closed) stopJob(story, options, options.jobStopped);
  return {
    jobId: job.id,
    candidate: options.candidate,
    appliedAt: options.appliedAt,
    source: options.source,
    createdById: null,
    steps: story.steps,
  };
}

// A closed job rejects whoever is still waiting (most are told); a job on hold leaves them waiting (a few are told).
function stopJob(story: Story, options: StoryOptions, stopped: NonNullable<StoryOptions["jobStopped"]>) {
  const last = story.steps.at(-1)?.at ?? options.appliedAt;
  const finish = new Story(options, new Date(Math.max(last.getTime(), stopped.at.getTime())));
  if (stopped.status === "closed") {
    if (finish.decide("rejected", options.recruiter, finish.staffTime(1, 48), "The position has been filled")) {
      if (rng.datatype.boolean(0.75)) finish.sendMessage("role_filled", finish.staffTime(0.2, 24));
    }
  } else if (rng.datatype.boolean(0.3)) {
    finish.sendMessage("role_on_hold", finish.staffTime(2, 72));
  }
  story.steps.push(...finish.steps);
  story.closed ||= finish.closed;
}

// The booking page (/s/<token>/interview) as words: the offered times to choose from, the confirmation of a booked
// time, the thanks after "none of these work", and the form's errors in the candidate's language.
import type { FieldErrors } from "../forms";
import type { Locale } from "../i18n";
import type { InterviewKind } from "../interviews/types";
import { INTERVIEW_TEXTS, type BookingProblem } from "./interview-texts";
import {
  interviewCard,
  interviewWhat,
  openOffer,
  slotChoice,
  upcomingInterviews,
  type CandidateInterviewRecord,
  type InterviewCard,
  type SlotChoice,
} from "./interviews";

/** An interview as the interviews model reads it for the candidate (seats with their people's names). */
type LoadedInterview = Omit<CandidateInterviewRecord, "names" | "status" | "kind"> & {
  kind: InterviewKind;
  status: string;
  seats: { user: { name: string } }[];
};

export function candidateInterviewRecord(interview: LoadedInterview): CandidateInterviewRecord | null {
  if (interview.status !== "offered" && interview.status !== "scheduled") return null;
  const { seats, ...rest } = interview;
  return { ...rest, status: interview.status, names: seats.map((seat) => seat.user.name) };
}

export type BookingView =
  | { kind: "offer"; interviewId: string; title: string; intro: string; choices: SlotChoice[] }
  | { kind: "booked"; title: string; lines: string[]; card: InterviewCard }
  | { kind: "declined"; title: string; lines: string[] }
  | { kind: "nothing"; title: string; lines: string[] };

export type BookingPageInput = {
  locale: Locale;
  timeZone: string;
  now: Date;
  /** The status link's path, /s/<token>. */
  base: string;
  contactName: string;
  interviews: CandidateInterviewRecord[];
  /** From the address after a post: the interview just booked, or that "none of these work" was sent. */
  booked: string | null;
  declined: boolean;
};

export function bookingView(input: BookingPageInput): BookingView {
  const t = INTERVIEW_TEXTS[input.locale].booking;
  const { locale, timeZone, now, base } = input;
  const booked = input.booked
    ? upcomingInterviews(input.interviews, now).find((interview) => interview.id === input.booked)
    : undefined;
  if (booked) {
    return {
      kind: "booked",
      title: t.bookedTitle,
      lines: [t.bookedBody, t.bookedEmail],
      card: interviewCard(booked, { locale, timeZone, now, base }),
    };
  }
  if (input.declined) return { kind: "declined", title: t.declinedTitle, lines: [t.declinedBody(input.contactName)] };
  const offer = openOffer(input.interviews, now);
  if (!offer) return { kind: "nothing", title: t.noOfferTitle, lines: [t.noOfferBody] };
  return {
    kind: "offer",
    interviewId: offer.id,
    title: t.title,
    intro: t.intro(interviewWhat(offer, locale)),
    choices: offer.slots.map((slot) => slotChoice(slot, offer, { locale, timeZone, now })),
  };
}

export type BookingValues = { choice: string; slotId: string; note: string };

/** The booking action's answer when it books nothing: field errors or the problem, with what was posted. */
export type BookingAnswer = {
  errors: FieldErrors;
  values: BookingValues;
  /** Why the offer could not take the answer; a taken time is left out when the times are shown again. */
  problem?: BookingProblem;
};

/** What the form posted, as strings, to show again beside its errors. */
export function bookingValues(formData: FormData): BookingValues {
  const value = (name: string) => {
    const field = formData.get(name);
    return typeof field === "string" ? field : "";
  };
  return { choice: value("choice"), slotId: value("slotId"), note: value("note") };
}

/** bookingSchema's complaints, in the candidate's language: a time not chosen, a note missing or too long. */
export function bookingErrors(errors: FieldErrors, values: BookingValues, locale: Locale): FieldErrors {
  const t = INTERVIEW_TEXTS[locale].booking;
  if (errors.note) return { note: values.note.trim().length > 2000 ? t.noteTooLong : t.noteRequired };
  return { slotId: t.chooseTime };
}

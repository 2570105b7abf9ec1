// What a feedback clock is waiting for, as "Waiting on us" shows it: the interview, and who still owes feedback.
import { DateTime } from "~/components/ui/date-time";
import { INTERVIEW_KIND_LABELS, type InterviewKind } from "~/domain/interviews/types";
import { feedbackFromText } from "~/domain/sla/feedback-text";

type Props = {
  interview: { kind: string; startsAt: Date | string | null } | null;
  owedBy: { id: string; name: string }[];
  timeZone: string;
};

export function FeedbackOwed({ interview, owedBy, timeZone }: Props) {
  const kind = interview ? (INTERVIEW_KIND_LABELS[interview.kind as InterviewKind] ?? "Interview") : "Interview";
  return (
    <span className="muted small feedback-owed">
      {kind}
      {interview?.startsAt ? (
        <>
          {" "}
          of <DateTime value={interview.startsAt} timeZone={timeZone} />
        </>
      ) : null}
      {owedBy.length > 0 ? ` · ${feedbackFromText(owedBy.map((person) => person.name))}` : null}
    </span>
  );
}

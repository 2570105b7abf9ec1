// A candidate's time zone guessed from what their email says, recorded only while it is still the default (UTC): a
// zone the candidate or staff chose is never overwritten.
import { guessTimeZone } from "~/domain/time-zones/guess";
import type { Prisma } from "~/generated/prisma/client";
import { recordAudit } from "./audit.server";

type Tx = Prisma.TransactionClient;

export const DEFAULT_CANDIDATE_TIME_ZONE = "UTC";

/**
 * In the caller's transaction: when the candidate's zone is still the default, stores the zone guessed from the
 * email's Date header offset (narrowed by their phone number's country), with an audit entry saying why. Returns the
 * zone recorded, or null when nothing changed.
 */
export async function recordTimeZoneGuess(
  tx: Tx,
  input: { candidateId: string; dateHeader: string | null | undefined; applicationId?: string | null },
): Promise<string | null> {
  if (!input.dateHeader) return null;
  const candidate = await tx.candidate.findUnique({
    where: { id: input.candidateId },
    select: { timeZone: true, phone: true, erasedAt: true },
  });
  if (!candidate || candidate.erasedAt || candidate.timeZone !== DEFAULT_CANDIDATE_TIME_ZONE) return null;
  const guess = guessTimeZone({ phone: candidate.phone, dateHeader: input.dateHeader });
  if (!guess?.zone || guess.zone === DEFAULT_CANDIDATE_TIME_ZONE) return null;
  const updated = await tx.candidate.updateMany({
    where: { id: input.candidateId, timeZone: DEFAULT_CANDIDATE_TIME_ZONE },
    data: { timeZone: guess.zone },
  });
  if (updated.count === 0) return null;
  await recordAudit(tx, {
    actorId: null,
    action: "candidate.time_zone_guessed",
    entityType: "Candidate",
    entityId: input.candidateId,
    data: { timeZone: guess.zone, reason: guess.reason, applicationId: input.applicationId ?? null },
  });
  return guess.zone;
}

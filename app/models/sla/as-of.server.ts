// An application's SLA clocks replayed as of an instant (events after it ignored) from its event log with today's
// policy and schedule — not read from the materialised rows, so any past instant can be asked about.
import { hearBackBy, ScheduleHasNoOpenHoursError } from "~/domain/sla/clocks";
import type { ClockInstance } from "~/domain/sla/types";
import { prisma } from "~/platform/db.server";
import { ConflictError } from "~/platform/errors.server";
import { applicationScope, type Actor } from "../scope.server";
import { computeApplicationsClocks } from "./clocks.server";

export type ApplicationClocksAsOf = {
  applicationId: string;
  at: Date;
  policy: { id: string; name: string };
  scheduleId: string;
  hearBackBy: Date | null;
  clocks: ClockInstance[];
};

/** null when the application does not exist or the actor may not see it. */
export async function applicationClocksAsOf(
  applicationId: string,
  actor: Actor,
  at: Date,
): Promise<ApplicationClocksAsOf | null> {
  const visible = await prisma.application.findFirst({
    where: { id: applicationId, ...applicationScope(actor) },
    select: { id: true },
  });
  if (!visible) return null;
  const [computed] = await computeApplicationsClocks(prisma, [applicationId], at, undefined, "throw").catch(
    (error: unknown) => {
      if (error instanceof ScheduleHasNoOpenHoursError) {
        throw new ConflictError(
          "The schedule this application's clocks count on has no open hours, so its business-hours targets cannot be " +
            "counted. Add opening hours to the schedule or use calendar-time targets.",
        );
      }
      throw error;
    },
  );
  if (!computed) return null;
  const clocks = computed.clocks.filter((clock) => clock.startedAt.getTime() <= at.getTime());
  return {
    applicationId,
    at,
    policy: { id: computed.inForce.policyId, name: computed.inForce.policyName },
    scheduleId: computed.inForce.schedule.id,
    hearBackBy: hearBackBy(clocks),
    clocks,
  };
}

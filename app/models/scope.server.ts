// Row-level permissions as Prisma `where` clauses: what each role may see.
import type { Prisma } from "~/generated/prisma/client";
import type { UserSummary } from "./user.server";

export type Actor = Pick<UserSummary, "id" | "role">;

/** Who makes a change: a person, or Hearback itself applying what a connected ATS reported (no user behind it, and
 * every application in scope, like an admin's). */
export type ChangeActor = Actor | typeof ATS_ACTOR;
export const ATS_ACTOR = { id: null, role: "admin" } as const;

export function jobScope(actor: Actor): Prisma.JobWhereInput {
  switch (actor.role) {
    case "admin":
    case "recruiter":
      return {};
    case "hiring_manager":
      return { hiringManagerId: actor.id };
    case "interviewer":
      return { applications: { some: { interviewers: { some: { userId: actor.id } } } } };
  }
}

export function applicationScope(actor: ChangeActor): Prisma.ApplicationWhereInput {
  switch (actor.role) {
    case "admin":
    case "recruiter":
      return {};
    case "hiring_manager":
      return { job: { hiringManagerId: actor.id } };
    case "interviewer":
      return { interviewers: { some: { userId: actor.id } } };
  }
}

// Row-level permissions as Prisma `where` clauses: what each role may see.
import type { Prisma } from "~/generated/prisma/client";
import type { UserSummary } from "./user.server";

export type Actor = Pick<UserSummary, "id" | "role">;

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

export function applicationScope(actor: Actor): Prisma.ApplicationWhereInput {
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

// The dashboard filters' choices, from the jobs the actor may see: a hiring manager is offered only their own jobs,
// and only the departments, recruiters and hiring managers of those jobs.
import { prisma } from "~/platform/db.server";
import { jobScope, type Actor } from "./scope.server";

export type FilterOption = { id: string; name: string };

export type MetricsFilterOptions = {
  jobs: FilterOption[];
  departments: string[];
  recruiters: FilterOption[];
  hiringManagers: FilterOption[];
};

export async function listMetricsFilterOptions(actor: Actor): Promise<MetricsFilterOptions> {
  if (actor.role === "interviewer") return { jobs: [], departments: [], recruiters: [], hiringManagers: [] };
  const jobs = await prisma.job.findMany({
    where: jobScope(actor),
    select: {
      id: true,
      title: true,
      department: true,
      recruiter: { select: { id: true, name: true } },
      hiringManager: { select: { id: true, name: true } },
    },
    orderBy: [{ title: "asc" }, { createdAt: "asc" }],
  });
  const people = (list: (FilterOption | null)[]) =>
    [...new Map(list.filter((person) => person !== null).map((person) => [person.id, person])).values()].sort((a, b) =>
      a.name.localeCompare(b.name),
    );
  return {
    jobs: jobs.map((job) => ({ id: job.id, name: job.title })),
    departments: [...new Set(jobs.flatMap((job) => (job.department ? [job.department] : [])))].sort(),
    recruiters: people(jobs.map((job) => job.recruiter)),
    hiringManagers: people(jobs.map((job) => job.hiringManager)),
  };
}

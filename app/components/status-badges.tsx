// Status badges for jobs and applications: the word carries the meaning, colour only supports it.
import { Badge } from "~/components/ui/badge";
import type { ApplicationStatus } from "~/domain/applications";
import { JOB_STATUS_LABELS } from "~/domain/jobs";

type JobStatus = keyof typeof JOB_STATUS_LABELS;

const JOB_TONES: Record<JobStatus, "success" | "warning" | "primary" | undefined> = {
  open: "success",
  on_hold: "warning",
  draft: undefined,
  closed: undefined,
};

export function JobStatusBadge({ status }: { status: JobStatus }) {
  return <Badge tone={JOB_TONES[status]}>{JOB_STATUS_LABELS[status]}</Badge>;
}

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  active: "Active",
  hired: "Hired",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
};

const APPLICATION_TONES: Record<ApplicationStatus, "success" | "danger" | "primary" | undefined> = {
  active: "primary",
  hired: "success",
  rejected: "danger",
  withdrawn: undefined,
};

export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  return <Badge tone={APPLICATION_TONES[status]}>{APPLICATION_STATUS_LABELS[status]}</Badge>;
}

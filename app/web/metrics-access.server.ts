// Who may read the metrics (the dashboard, its drill-downs and exports): everyone but interviewers, whose work is
// single applications. What each viewer sees is scoped further in the metrics models.
import type { UserSummary } from "~/models/user.server";
import { requireUser } from "./auth.server";

export async function requireMetricsViewer(request: Request): Promise<UserSummary> {
  const user = await requireUser(request);
  if (user.role === "interviewer") {
    throw new Response("The dashboard is for hiring managers, recruiters and admins.", { status: 403 });
  }
  return user;
}

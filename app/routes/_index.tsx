import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { countUsers } from "~/models/user.server";
import { requireUser } from "~/web/auth.server";

// Staff land on "Waiting on us" (the candidates owed something); interviewers, who owe no replies, on their list.
export async function loader({ request }: LoaderFunctionArgs) {
  if ((await countUsers()) === 0) throw redirect("/setup");
  const user = await requireUser(request);
  return redirect(user.role === "interviewer" ? "/applications" : "/waiting");
}

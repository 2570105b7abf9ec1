import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { countUsers } from "~/models/user.server";
import { requireUser } from "~/utils/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  if ((await countUsers()) === 0) throw redirect("/setup");
  const user = await requireUser(request);
  return redirect(user.role === "interviewer" ? "/applications" : "/jobs");
}

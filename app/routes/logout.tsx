import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endSession } from "~/web/session.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  return redirect("/login", { headers: { "Set-Cookie": await endSession(request) } });
}

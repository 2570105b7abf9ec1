// Team settings and joining by invitation: admin-only, link shown once, no account probing from the join page.
import { expect, test } from "vitest";
import * as join from "~/routes/join.$secret";
import * as team from "~/routes/settings.users";
import { prisma } from "~/platform/db.server";
import { getRequest, postRequest, run, signIn } from "./helpers";

type TeamData = Awaited<ReturnType<typeof team.loader>>;
type InviteAnswer = { intent: string; inviteUrl?: string; errors?: Record<string, string> };

test("only admins reach team settings", async () => {
  for (const role of ["recruiter", "hiring_manager", "interviewer"] as const) {
    const someone = await signIn(role);
    expect((await run(team.loader, getRequest("/settings/users", someone))).status).toBe(403);
    const post = await run(
      team.action,
      postRequest("/settings/users", someone, { intent: "invite", email: "x@example.com", name: "X", role: "admin" }),
    );
    expect(post.status).toBe(403);
  }
  expect(await prisma.invite.count({ where: { email: "x@example.com" } })).toBe(0);
});

test("an invitation shows its link once; the link signs the new person in and then stops working", async () => {
  const admin = await signIn("admin");

  const invalid = await run<InviteAnswer>(
    team.action,
    postRequest("/settings/users", admin, { intent: "invite", email: "nope", name: "", role: "wizard" }),
  );
  expect(invalid.status).toBe(400);
  expect(invalid.data.errors).toMatchObject({
    email: expect.any(String),
    name: "Name is required.",
    role: "Choose a role.",
  });

  const created = await run<InviteAnswer>(
    team.action,
    postRequest("/settings/users", admin, {
      intent: "invite",
      email: "New.Person@example.com",
      name: "New Person",
      role: "recruiter",
    }),
  );
  expect(created.status).toBe(200);
  expect(created.data.inviteUrl).toMatch(/^http:\/\/hearback\.test\/join\/[A-Za-z0-9_-]{43}$/);
  const secret = created.data.inviteUrl!.split("/join/")[1]!;
  const stored = await prisma.invite.findFirstOrThrow({ where: { email: "new.person@example.com" } });
  expect(stored.tokenHash).not.toContain(secret);

  const listed = await run<TeamData>(team.loader, getRequest("/settings/users", admin));
  expect(listed.data.invites.map((invite) => invite.email)).toContain("new.person@example.com");
  expect(JSON.stringify(listed.data)).not.toContain(secret);

  const joinPage = await run<Awaited<ReturnType<typeof join.loader>>>(join.loader, getRequest(`/join/${secret}`), {
    secret,
  });
  expect(joinPage.data).toEqual({ email: "new.person@example.com", name: "New Person", role: "recruiter" });

  const short = await run<{ errors: Record<string, string> }>(
    join.action,
    postRequest(`/join/${secret}`, undefined, { name: "New Person", password: "short" }),
    { secret },
  );
  expect(short).toMatchObject({ status: 400, data: { errors: { password: "Use at least 12 characters." } } });
  expect(await prisma.user.count({ where: { email: "new.person@example.com" } })).toBe(0);

  const accepted = await run(
    join.action,
    postRequest(`/join/${secret}`, undefined, { name: "Nova Person", password: "a long enough password" }),
    { secret },
  );
  expect(accepted).toMatchObject({ status: 302, location: "/jobs" });
  expect(accepted.headers.get("Set-Cookie")).toMatch(/^hb_session=/);
  expect(await prisma.user.findUniqueOrThrow({ where: { email: "new.person@example.com" } })).toMatchObject({
    name: "Nova Person",
    role: "recruiter",
  });

  const reused = await run(join.loader, getRequest(`/join/${secret}`), { secret });
  const unknown = await run(join.loader, getRequest("/join/made-up"), { secret: "made-up" });
  expect(reused.status).toBe(404);
  expect(unknown).toMatchObject({ status: 404, data: reused.data });
  const replay = await run(
    join.action,
    postRequest(`/join/${secret}`, undefined, { name: "Again", password: "a long enough password" }),
    { secret },
  );
  expect(replay.status).toBe(404);
});

test("admins change roles and deactivate accounts, but not their own", async () => {
  const admin = await signIn("admin");
  const colleague = await signIn("recruiter");

  const promoted = await run(
    team.action,
    postRequest("/settings/users", admin, { intent: "role", userId: colleague.user.id, role: "hiring_manager" }),
  );
  expect(promoted).toMatchObject({ status: 302, location: "/settings/users?done=role" });
  expect(await prisma.user.findUniqueOrThrow({ where: { id: colleague.user.id } })).toMatchObject({
    role: "hiring_manager",
  });

  const badRole = await run<{ errors: Record<string, string> }>(
    team.action,
    postRequest("/settings/users", admin, { intent: "role", userId: colleague.user.id, role: "owner" }),
  );
  expect(badRole.status).toBe(400);

  const deactivated = await run(
    team.action,
    postRequest("/settings/users", admin, { intent: "deactivate", userId: colleague.user.id }),
  );
  expect(deactivated.status).toBe(302);
  expect(await prisma.user.findUniqueOrThrow({ where: { id: colleague.user.id } })).toMatchObject({ active: false });
  expect(await prisma.session.count({ where: { userId: colleague.user.id } })).toBe(0);
  expect(
    (await run(team.action, postRequest("/settings/users", admin, { intent: "reactivate", userId: colleague.user.id })))
      .status,
  ).toBe(302);
  expect(await prisma.user.findUniqueOrThrow({ where: { id: colleague.user.id } })).toMatchObject({ active: true });

  const self = await run<{ errors: Record<string, string> }>(
    team.action,
    postRequest("/settings/users", admin, { intent: "deactivate", userId: admin.user.id }),
  );
  expect(self.status).toBe(400);
  expect(self.data.errors.form).toMatch(/cannot change your own role or deactivate yourself/);
  expect(await prisma.user.findUniqueOrThrow({ where: { id: admin.user.id } })).toMatchObject({
    active: true,
    role: "admin",
  });
});

test("inviting someone who already has an account tells the admin on the email field", async () => {
  const admin = await signIn("admin");
  const existing = await signIn("interviewer");
  const answer = await run<InviteAnswer>(
    team.action,
    postRequest("/settings/users", admin, {
      intent: "invite",
      email: existing.user.email,
      name: "Dup",
      role: "recruiter",
    }),
  );
  expect(answer.status).toBe(409);
  expect(answer.data.errors?.email).toBe("This person already has an account.");
});

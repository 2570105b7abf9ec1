// Who is signed in, asked by a page's root loader and its own loader at the same moment: one lookup serves both, and
// a sign-out or a deactivated account is seen by the very next request.
import { expect, test } from "vitest";
import { prisma } from "~/platform/db.server";
import { getUser } from "~/web/auth.server";
import { endSession } from "~/web/session.server";
import { countQueries, getRequest, signIn } from "./helpers";

test("two loaders asking at once share one lookup of the session", async () => {
  const priya = await signIn("recruiter");
  const oneLookup = await countQueries(() => getUser(getRequest("/jobs", priya)));
  expect(oneLookup).toBe(1);
  let answers: unknown[] = [];
  const queries = await countQueries(async () => {
    answers = await Promise.all([getUser(getRequest("/jobs", priya)), getUser(getRequest("/jobs", priya))]);
  });
  expect(queries).toBe(oneLookup);
  expect(answers).toEqual([priya.user, priya.user]);
  // Asked again afterwards, the session is looked up again.
  expect(await countQueries(() => getUser(getRequest("/jobs", priya)))).toBe(oneLookup);
});

test("a sign-out, an expired session and a deactivation are seen by the next request", async () => {
  const first = await signIn("recruiter");
  await getUser(getRequest("/jobs", first));
  await endSession(getRequest("/logout", first));
  expect(await getUser(getRequest("/jobs", first))).toBeNull();

  const expiring = await signIn("recruiter");
  expect(await getUser(getRequest("/jobs", expiring))).toMatchObject({ id: expiring.user.id });
  await prisma.session.updateMany({
    where: { userId: expiring.user.id },
    data: { expiresAt: new Date(0) },
  });
  expect(await getUser(getRequest("/jobs", expiring))).toBeNull();

  const second = await signIn("recruiter");
  expect(await getUser(getRequest("/jobs", second))).toMatchObject({ id: second.user.id });
  await prisma.user.update({ where: { id: second.user.id }, data: { active: false } });
  expect(await getUser(getRequest("/jobs", second))).toBeNull();
});

test("different people asking at once each get themselves", async () => {
  const [priya, tom] = await Promise.all([signIn("recruiter"), signIn("interviewer")]);
  const [asPriya, asTom] = await Promise.all([getUser(getRequest("/", priya)), getUser(getRequest("/", tom))]);
  expect(asPriya?.id).toBe(priya.user.id);
  expect(asTom?.id).toBe(tom.user.id);
});

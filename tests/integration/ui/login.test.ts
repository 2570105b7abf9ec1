// Signing in: where a crafted `redirectTo` may send people afterwards, and how failed attempts are throttled without
// locking the owner of an account out of it.
import { beforeEach, expect, test } from "vitest";
import * as login from "~/routes/login";
import { createUser } from "~/models/user.server";
import { prisma } from "~/platform/db.server";
import { pinClock } from "../../clock";
import { ORIGIN, run } from "./helpers";

pinClock();

const PASSWORD = "correct horse battery";
let counter = 0;

async function newAccount() {
  counter += 1;
  const email = `owner${counter}@example.com`;
  await createUser({ email, name: `Owner ${counter}`, role: "recruiter", password: PASSWORD });
  return email;
}

function signInRequest(fields: Record<string, string>, options: { ip: string; cookie?: string }) {
  return new Request(`${ORIGIN}/login`, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: ORIGIN,
      "X-Forwarded-For": options.ip,
      ...(options.cookie ? { Cookie: options.cookie } : {}),
    },
    body: new URLSearchParams(fields),
  });
}

async function signInAttempt(email: string, password: string, options: { ip: string; cookie?: string }) {
  return run(login.action, signInRequest({ email, password, redirectTo: "/jobs" }, options));
}

/** The cookies a browser would send back after this answer. */
function cookiesFrom(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

beforeEach(async () => {
  await prisma.loginAttempt.deleteMany();
});

test("after sign-in only a path on this site is followed; anything a browser would read as elsewhere goes to /", async () => {
  const email = await newAccount();
  const cases: [string, string][] = [
    ["/jobs?status=open#top", "/jobs?status=open#top"],
    ["/\t/evil.example", "/"],
    ["/%09/evil.example", "/%09/evil.example"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["https://evil.example/", "/"],
    ["/jobs\r\nSet-Cookie: stolen=1", "/"],
    ["/\n/evil.example", "/"],
    ["javascript:alert(1)", "/"],
  ];
  for (const [redirectTo, expected] of cases) {
    const answer = await run(
      login.action,
      signInRequest({ email, password: PASSWORD, redirectTo }, { ip: "10.1.0.1" }),
    );
    expect([redirectTo, answer.status, answer.location]).toEqual([redirectTo, 302, expected]);
  }
});

test("guessing from one address throttles new browsers there, but not one that signed in to the account before", async () => {
  const email = await newAccount();
  const office = "198.51.100.7";
  const first = await signInAttempt(email, PASSWORD, { ip: office });
  expect(first.status).toBe(302);
  const ownersBrowser = cookiesFrom(first.headers);
  expect(ownersBrowser).toMatch(/hb_device=/);

  for (let attempt = 0; attempt < 30; attempt += 1) {
    expect((await signInAttempt(`guess${attempt}@example.com`, "wrong", { ip: office })).status).toBe(400);
  }
  expect((await signInAttempt(email, PASSWORD, { ip: office })).status).toBe(429);
  expect((await signInAttempt(email, PASSWORD, { ip: office, cookie: ownersBrowser })).status).toBe(302);
});

test("an attacker who keeps an account throttled does not lock its owner out of a browser they have used", async () => {
  const email = await newAccount();
  const ownersBrowser = cookiesFrom((await signInAttempt(email, PASSWORD, { ip: "10.2.0.1" })).headers);
  for (let attempt = 0; attempt < 6; attempt += 1) {
    await signInAttempt(email, `guess ${attempt}`, { ip: `203.0.113.${attempt}` });
  }
  expect((await signInAttempt(email, PASSWORD, { ip: "10.2.0.9" })).status).toBe(429);
  expect((await signInAttempt(email, PASSWORD, { ip: "10.2.0.9", cookie: ownersBrowser })).status).toBe(302);
});

test("a known browser has its own limit, and a device cookie for one account does not help another", async () => {
  const email = await newAccount();
  const other = await newAccount();
  const browser = cookiesFrom((await signInAttempt(email, PASSWORD, { ip: "10.3.0.1" })).headers);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    expect((await signInAttempt(email, "wrong", { ip: "10.3.0.1", cookie: browser })).status).toBe(400);
  }
  expect((await signInAttempt(email, PASSWORD, { ip: "10.3.0.1", cookie: browser })).status).toBe(429);
  for (let attempt = 0; attempt < 5; attempt += 1) await signInAttempt(other, "wrong", { ip: `10.4.0.${attempt}` });
  expect((await signInAttempt(other, PASSWORD, { ip: "10.3.0.1", cookie: browser })).status).toBe(429);
});

test("a forged device cookie counts for nothing", async () => {
  const email = await newAccount();
  for (let attempt = 0; attempt < 5; attempt += 1) await signInAttempt(email, "wrong", { ip: `10.5.0.${attempt}` });
  const forged = `hb_device=${Buffer.from(JSON.stringify({ id: "x", accounts: ["0000"] })).toString("base64")}`;
  expect((await signInAttempt(email, PASSWORD, { ip: "10.5.0.9", cookie: forged })).status).toBe(429);
});

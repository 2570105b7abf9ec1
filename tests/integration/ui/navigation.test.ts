// The staff header and the Settings page: the daily pages in the bar by role, Inbox, Outbox and Notifications as icons
// whose counts are only what the person may see, and one Settings page listing the sections the role may open.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { expect, test } from "vitest";
import { AppHeader } from "~/components/app-header";
import type { Role } from "~/domain/permissions";
import { getHeaderCounts, type HeaderCounts } from "~/models/header-counts.server";
import { prisma } from "~/platform/db.server";
import { newId } from "~/platform/ids.server";
import * as root from "~/root";
import * as settings from "~/routes/settings._index";
import { clockNow, pinClock } from "../../clock";
import { createTestApplication, createTestJob } from "../../factories";
import { recordQueries } from "../../query-counter";
import { getRequest, run, signIn, type SignedIn } from "./helpers";

pinClock();

/** The header as the server renders it, at `path`, in a data router as <Form> needs. */
async function header(role: Role, counts: HeaderCounts, path = "/") {
  const element = createElement(AppHeader, { user: { name: "Pat", role }, counts });
  const handler = createStaticHandler([{ path: "*", element }]);
  const context = await handler.query(new Request(`http://hearback.test${path}`));
  if (context instanceof Response) throw context;
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToStaticMarkup(createElement(StaticRouterProvider, { router, context, hydrate: false }));
}

test("the bar holds the daily pages by role, a Settings link for roles with settings, and counted icons", async () => {
  const admin = await header("admin", { inbox: 2, outbox: 1, notifications: 3 });
  expect(admin).toContain('aria-label="Inbox, 2 unread"');
  expect(admin).toContain('aria-label="Outbox, 1 not delivered"');
  expect(admin).toContain('aria-label="Notifications, 3 unread"');
  const dailyOrder = ["Waiting on us", "Decisions owed", ">Jobs<", ">Applications<", "Dashboard", ">Settings<"];
  const positions = dailyOrder.map((label) => admin.indexOf(label));
  expect(positions.every((position) => position >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  // The admin pages live on the Settings page, no longer in the bar.
  expect(admin).toContain('href="/settings"');
  expect(admin).not.toContain('href="/settings/sla-policies"');
  expect(admin).not.toContain('href="/settings/users"');

  const recruiter = await header("recruiter", { inbox: 0, outbox: 0, notifications: 0 });
  expect(recruiter).toContain('aria-label="Inbox"');
  expect(recruiter).toContain('aria-label="Outbox"');
  expect(recruiter).toContain('aria-label="Notifications"');
  expect(recruiter).not.toContain("unread");
  expect(recruiter).not.toContain('class="nav-count"');
  expect(recruiter).toContain('href="/settings"');

  // Interviewers: the feedback they owe is in Waiting on us; no decisions, dashboard, inbox, outbox or settings.
  const interviewer = await header("interviewer", { inbox: null, outbox: null, notifications: 120 });
  expect(interviewer).toContain("Waiting on us");
  expect(interviewer).not.toContain("Decisions owed");
  expect(interviewer).not.toContain("Dashboard");
  expect(interviewer).not.toContain('href="/inbox"');
  expect(interviewer).not.toContain('href="/outbox"');
  expect(interviewer).not.toContain('href="/settings"');
  expect(interviewer).toContain('aria-label="Notifications, 120 unread"');
  expect(interviewer).toContain(">99+<");
});

/** The opening <a> tags that link to `href`. */
const linksTo = (html: string, href: string) =>
  [...html.matchAll(/<a [^>]*>/g)].map(([tag]) => tag).filter((tag) => tag.includes(`href="${href}"`));

test("the current page is marked in the bar and the phone menu, and the menu is a disclosure", async () => {
  const html = await header("recruiter", { inbox: 0, outbox: 0, notifications: 0 }, "/jobs");
  const jobs = linksTo(html, "/jobs");
  expect(jobs).toHaveLength(2);
  expect(jobs.every((tag) => tag.includes('aria-current="page"'))).toBe(true);
  expect(linksTo(html, "/waiting").some((tag) => tag.includes("aria-current"))).toBe(false);
  expect(html).toMatch(/<details class="nav-menu"><summary class="nav-menu__button">/);
  const onSettingsPage = await header("admin", { inbox: 0, outbox: 0, notifications: 0 }, "/settings/users");
  expect(linksTo(onSettingsPage, "/settings").every((tag) => tag.includes('aria-current="page"'))).toBe(true);
  expect(linksTo(onSettingsPage, "/settings")).toHaveLength(2);
});

async function failedEmail(applicationId: string | null, audience: "candidate" | "staff", toAddress: string) {
  await prisma.message.create({
    data: {
      id: newId(),
      applicationId,
      direction: "outbound",
      audience,
      status: "failed",
      fromAddress: "Hearback <hello@hearback.test>",
      toAddress,
      subject: "Not delivered",
      bodyText: "…",
      headerMessageId: `<${newId()}@hearback.test>`,
    },
  });
}

async function inboundEmail(status: "unmatched" | "received") {
  await prisma.message.create({
    data: {
      id: newId(),
      direction: "inbound",
      status,
      fromAddress: "Someone <someone@example.com>",
      toAddress: "reply@hearback.test",
      subject: "A reply",
      bodyText: "Hello",
      headerMessageId: `<${newId()}@example.com>`,
    },
  });
}

const countsIn = async (who: SignedIn) =>
  (await run<{ headerCounts: HeaderCounts | null }>(root.loader, getRequest("/jobs", who))).data.headerCounts;

test("the header counts only what each person may see, all three in one statement", async () => {
  const admin = await signIn("admin");
  const recruiter = await signIn("recruiter");
  const manager = await signIn("hiring_manager");
  const interviewer = await signIn("interviewer");
  const managed = await createTestJob({ title: "Managed role", hiringManagerId: manager.user.id });
  const other = await createTestJob({ title: "Someone else's role" });
  const onManaged = await createTestApplication({ jobId: managed.id });
  const onOther = await createTestApplication({ jobId: other.id });

  await failedEmail(onManaged.id, "candidate", "Candidate <a@example.com>");
  await failedEmail(onOther.id, "candidate", "Candidate <b@example.com>");
  await failedEmail(null, "staff", `${manager.user.name} <${manager.user.email}>`);
  await inboundEmail("unmatched");
  await inboundEmail("unmatched");
  await inboundEmail("received");
  await prisma.notification.createMany({
    data: [
      { userId: manager.user.id, kind: "sla_warning", title: "Due soon", body: "…" },
      { userId: manager.user.id, kind: "sla_warning", title: "Read", body: "…", readAt: clockNow() },
      { userId: admin.user.id, kind: "sla_warning", title: "Due soon", body: "…" },
    ],
  });

  expect(await countsIn(admin)).toEqual({ inbox: 2, outbox: 3, notifications: 1 });
  expect(await countsIn(recruiter)).toEqual({ inbox: 2, outbox: 2, notifications: 0 });
  // Hiring managers see no inbox; in the outbox, their jobs' mail and mail to themselves.
  expect(await countsIn(manager)).toEqual({ inbox: null, outbox: 2, notifications: 1 });
  expect(await countsIn(interviewer)).toEqual({ inbox: null, outbox: null, notifications: 0 });

  // Three counts in one statement; none for a page the person may not open.
  const forAdmin = await recordQueries(() => getHeaderCounts(admin.user));
  expect(forAdmin.queries).toHaveLength(1);
  expect(forAdmin.queries[0]!.match(/\bcount\(/gi)).toHaveLength(3);
  const forInterviewer = await recordQueries(() => getHeaderCounts(interviewer.user));
  expect(forInterviewer.queries).toHaveLength(1);
  expect(forInterviewer.queries[0]!.match(/\bcount\(/gi)).toHaveLength(1);

  // Candidate pages never look at the staff session, so they count nothing.
  const onStatusPage = await run<{ headerCounts: unknown }>(root.loader, getRequest("/s/some-token", admin));
  expect(onStatusPage.data.headerCounts).toBeNull();
});

type SettingsData = { groups: { title: string; sections: { title: string; href: string; readOnly: boolean }[] }[] };

test("the Settings page lists, grouped, only the sections the role may open", async () => {
  const load = (who: SignedIn) => run<SettingsData>(settings.loader, getRequest("/settings", who));
  const admin = await load(await signIn("admin"));
  expect(admin.data.groups.map((group) => group.title)).toEqual([
    "Team & access",
    "Candidate communication",
    "SLA",
    "Integrations",
    "Privacy",
  ]);
  expect(admin.data.groups.flatMap((group) => group.sections.map((section) => section.href)).sort()).toEqual([
    "/settings/careers",
    "/settings/chat-alerts",
    "/settings/connectors",
    "/settings/customer-benchmarks",
    "/settings/data-requests",
    "/settings/email-capture",
    "/settings/public-promise",
    "/settings/schedules",
    "/settings/sla-policies",
    "/settings/templates",
    "/settings/tokens",
    "/settings/users",
    "/settings/webhooks",
  ]);
  expect(admin.data.groups.flatMap((group) => group.sections).some((section) => section.readOnly)).toBe(false);

  const recruiter = await load(await signIn("recruiter"));
  expect(recruiter.data.groups.flatMap((group) => group.sections)).toEqual([
    expect.objectContaining({ href: "/settings/email-capture", readOnly: false }),
    expect.objectContaining({ href: "/settings/customer-benchmarks", readOnly: true }),
  ]);

  const manager = await load(await signIn("hiring_manager"));
  expect(manager.data.groups.flatMap((group) => group.sections.map((section) => section.href))).toEqual([
    "/settings/customer-benchmarks",
  ]);

  const interviewer = await load(await signIn("interviewer"));
  expect(interviewer.status).toBe(403);
  expect((await run(settings.loader, getRequest("/settings"))).status).toBe(302);
});

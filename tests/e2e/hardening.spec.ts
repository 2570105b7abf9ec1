// What an attacker tried at the HTTP level, against the real server: bodies without a Content-Length, paths with dot
// segments, a proxy that rewrites Host, Remix's old data requests, and the script policy the pages carry.
import http from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { addCandidateAsStaff, signIn } from "./support";

type RawAnswer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One request exactly as written: the path is not normalised, the body is sent in chunks with no Content-Length. */
function rawRequest(
  baseURL: string,
  options: { method: string; path: string; headers?: Record<string, string>; chunks?: Buffer[] },
): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request({
      hostname,
      port,
      method: options.method,
      path: options.path,
      headers: options.headers,
    });
    request.on("response", (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body }));
    });
    // The server may close the connection while the rest of an oversized body is still being written.
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && error.code !== "ECONNRESET") reject(error);
    });
    const write = (index: number) => {
      const chunk = options.chunks?.[index];
      if (!chunk) return request.end();
      if (request.destroyed) return;
      request.write(chunk, () => write(index + 1));
    };
    write(0);
  });
}

async function staffCookie(page: Page): Promise<string> {
  await signIn(page);
  const cookies = await page.context().cookies();
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

test("a chunked body larger than the limit is refused with 413 and never kept", async ({ baseURL }) => {
  const megabyte = Buffer.alloc(1024 * 1024, "a");
  const answer = await rawRequest(baseURL!, {
    method: "POST",
    path: "/login",
    headers: { "Transfer-Encoding": "chunked", Origin: baseURL!, "Content-Type": "application/x-www-form-urlencoded" },
    chunks: Array.from({ length: 50 }, () => megabyte),
  });
  expect(answer.status).toBe(413);
  expect(JSON.parse(answer.body).error.code).toBe("payload_too_large");

  const small = await rawRequest(baseURL!, {
    method: "POST",
    path: "/login",
    headers: { "Transfer-Encoding": "chunked", Origin: baseURL!, "Content-Type": "application/x-www-form-urlencoded" },
    chunks: [Buffer.from("email=nobody%40example.com&"), Buffer.from("password=wrong")],
  });
  expect(small.status).toBe(400);
  expect(small.body).toContain("That email and password do not match an account.");
});

test("a staff action reached through /s/.. is judged as a staff form: no Origin, no action", async ({
  page,
  baseURL,
}) => {
  const cookie = await staffCookie(page);
  for (const path of ["/s/../jobs/new", "/s/%2e%2e/jobs/new"]) {
    const answer = await rawRequest(baseURL!, {
      method: "POST",
      path,
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      chunks: [Buffer.from("intent=save&title=Planted")],
    });
    expect([path, answer.status]).toEqual([path, 403]);
    expect(answer.body).toContain("without an Origin header");
  }
});

test("behind a proxy that rewrites Host, a form from the public address works; a foreign origin gets a clear 403", async ({
  page,
  baseURL,
}) => {
  const cookie = await staffCookie(page);
  const form = { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", Host: "hearback-internal:8080" };
  const fromPublicAddress = await rawRequest(baseURL!, {
    method: "POST",
    path: "/jobs/new",
    headers: { ...form, Origin: baseURL! },
    chunks: [Buffer.from("intent=save&title=")],
  });
  expect(fromPublicAddress.status).toBe(400);
  expect(fromPublicAddress.body).toContain("Title is required.");

  const foreign = await rawRequest(baseURL!, {
    method: "POST",
    path: "/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/ask",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://evil.example" },
    chunks: [Buffer.from("question=hi")],
  });
  expect(foreign.status).toBe(403);
  expect(foreign.body).toContain("sent from another site");
});

test("Remix's old ?_data= requests get a 400, signed in or not; /favicon.ico points at the icon", async ({
  page,
  baseURL,
}) => {
  const cookie = await staffCookie(page);
  for (const path of ["/jobs?_data=routes/jobs._index", "/?_data=root"]) {
    const answer = await rawRequest(baseURL!, { method: "GET", path, headers: { Cookie: cookie } });
    expect([path, answer.status]).toEqual([path, 400]);
  }
  const icon = await rawRequest(baseURL!, { method: "GET", path: "/favicon.ico" });
  expect(icon.status).toBe(301);
  expect(icon.headers.location).toBe("/favicon.svg");
});

test("staff pages run only scripts with this response's nonce, are never cached, and hydrate under that policy", async ({
  page,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) violations.push(message.text());
  });
  await signIn(page);
  const first = await page.goto("/jobs");
  const second = await page.request.get("/jobs");
  const policy = first!.headers()["content-security-policy"]!;
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce).toBeTruthy();
  expect(policy).not.toContain("unsafe-inline");
  expect(second.headers()["content-security-policy"]).not.toContain(nonce!);
  expect(first!.headers()["cache-control"]).toBe("private, no-store");
  const inlineScripts = await page
    .locator("script:not([src])")
    .evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce));
  expect(inlineScripts.length).toBeGreaterThan(0);
  expect(new Set(inlineScripts)).toEqual(new Set([nonce]));
  // Hydrated: a client-side navigation works.
  await page.getByRole("link", { name: "Applications" }).first().click();
  await expect(page).toHaveURL(/\/applications/);
  expect(violations).toEqual([]);
});

test("the candidate's status page ships no script and allows none; their forms run scripts only with a nonce", async ({
  browser,
  request,
}) => {
  const { context, statusPath } = await addCandidateAsStaff(browser, "Noor Haddad");
  const status = await request.get(statusPath);
  expect(status.headers()["content-security-policy"]).toContain("script-src 'none'");
  expect(await status.text()).not.toContain("<script");
  const ask = await request.get(`${statusPath}/ask`);
  expect(ask.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(ask.headers()["content-security-policy"]).not.toMatch(/script-src[^;]*unsafe-inline/);
  await context.close();
});

test("a calendar file over its 2 MB limit gets the editor's own message beside the field, not a bare 413", async ({
  page,
}) => {
  await signIn(page);
  await page.goto("/settings/schedules/new");
  const padding = `${"X-FILLER:".padEnd(70, "x")}\r\n`.repeat(Math.ceil((2.5 * 1024 * 1024) / 72));
  await page.getByLabel("From a calendar file (.ics)").setInputFiles({
    name: "huge.ics",
    mimeType: "text/calendar",
    buffer: Buffer.from(`BEGIN:VCALENDAR\r\n${padding}END:VCALENDAR\r\n`),
  });
  await page.getByRole("button", { name: "Import from file" }).click();
  await expect(page.getByText("This file is larger than 2 MB; a holiday calendar is smaller.")).toBeVisible();
});

// API tokens in Settings: admin-only, the secret shown once and working, revocation immediate.
import { expect, test } from "vitest";
import { authenticateApiToken } from "~/models/api-token.server";
import * as tokens from "~/routes/settings.tokens";
import { prisma } from "~/platform/db.server";
import { getRequest, postRequest, run, signIn } from "./helpers";

type TokensData = Awaited<ReturnType<typeof tokens.loader>>;
type Answer = { intent: string; secret?: string; errors?: Record<string, string>; revokedName?: string };

test("only admins manage API tokens", async () => {
  for (const role of ["recruiter", "hiring_manager", "interviewer"] as const) {
    const someone = await signIn(role);
    expect((await run(tokens.loader, getRequest("/settings/tokens", someone))).status).toBe(403);
    const post = await run(tokens.action, postRequest("/settings/tokens", someone, { intent: "create", name: "x" }));
    expect(post.status).toBe(403);
  }
  expect(await prisma.apiToken.count()).toBe(0);
});

test("a created token is shown once, works, lists without its secret and stops working when revoked", async () => {
  const admin = await signIn("admin");
  const invalid = await run<Answer>(
    tokens.action,
    postRequest("/settings/tokens", admin, { intent: "create", name: " " }),
  );
  expect(invalid.status).toBe(400);
  expect(invalid.data.errors).toEqual({ name: "Name is required." });
  expect(await prisma.apiToken.count()).toBe(0);

  const created = await run<Answer>(
    tokens.action,
    postRequest("/settings/tokens", admin, { intent: "create", name: "Careers site" }),
  );
  expect(created.status).toBe(200);
  const secret = created.data.secret!;
  expect(secret).toMatch(/^hb_/);
  expect(await authenticateApiToken(secret)).toMatchObject({ ok: true, owner: { id: admin.user.id } });

  const page = await run<TokensData>(tokens.loader, getRequest("/settings/tokens", admin));
  expect(page.data.tokens).toMatchObject([{ name: "Careers site", prefix: secret.slice(0, 11), revokedAt: null }]);
  expect(JSON.stringify(page.data)).not.toContain(secret);

  const tokenId = page.data.tokens[0]!.id;
  const revoked = await run<Answer>(
    tokens.action,
    postRequest("/settings/tokens", admin, { intent: "revoke", tokenId }),
  );
  expect(revoked.data.revokedName).toBe("Careers site");
  expect(await authenticateApiToken(secret)).toEqual({ ok: false, reason: "revoked" });
  expect(await prisma.auditLog.count({ where: { entityId: tokenId } })).toBe(2);

  const unknown = await run(
    tokens.action,
    postRequest("/settings/tokens", admin, { intent: "revoke", tokenId: "nope" }),
  );
  expect(unknown.status).toBe(404);
});

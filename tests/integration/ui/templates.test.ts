// Settings → Templates: the default library is copied in once; admins edit with the compassion check, every save is
// a new version, and a template with lint errors is refused with the text kept and nothing written.
import { expect, test } from "vitest";
import { ensureTemplateLibrary, listTemplates } from "~/models/template.server";
import * as editor from "~/routes/settings.templates.$templateId";
import * as list from "~/routes/settings.templates._index";
import { prisma } from "~/platform/db.server";
import { getRequest, ORIGIN, postRequest, run, signIn } from "./helpers";
import { TEMPLATE_KINDS, TEMPLATE_LOCALES } from "~/domain/templates/kinds";

/** Every kind in every language. */
const LIBRARY_SIZE = TEMPLATE_KINDS.length * TEMPLATE_LOCALES.length;

type EditorData = Awaited<ReturnType<typeof editor.loader>>;
type ActionData = EditorData["state"];

async function rejectionTemplate() {
  await ensureTemplateLibrary();
  const template = (await listTemplates()).find(
    (candidate) => candidate.kind === "rejection_after_screen" && candidate.locale === "en",
  );
  return template!;
}

test("the library is copied in once, even by instances starting together: every kind in both languages, at version 1", async () => {
  const added = await Promise.all([ensureTemplateLibrary(), ensureTemplateLibrary(), ensureTemplateLibrary()]);
  expect(added.reduce((sum, count) => sum + count, 0)).toBe(LIBRARY_SIZE);
  expect(await ensureTemplateLibrary()).toBe(0);
  const templates = await listTemplates();
  expect(templates).toHaveLength(LIBRARY_SIZE);
  expect(new Set(templates.map((template) => template.version))).toEqual(new Set([1]));
  expect(await prisma.templateVersion.count()).toBe(LIBRARY_SIZE);
});

test("only admins see templates; the list shows each one's compassion score", async () => {
  await ensureTemplateLibrary();
  const recruiter = await signIn("recruiter");
  expect((await run(list.loader, getRequest("/settings/templates", recruiter))).status).toBe(403);
  const admin = await signIn("admin");
  const page = await run<Awaited<ReturnType<typeof list.loader>>>(
    list.loader,
    getRequest("/settings/templates", admin),
  );
  expect(page.data.templates).toHaveLength(LIBRARY_SIZE);
  expect(page.data.templates.every((template) => template.score === 100)).toBe(true);
});

test("the editor shows the check and a preview with sample data; Check does not save", async () => {
  const template = await rejectionTemplate();
  const admin = await signIn("admin");
  const page = await run<EditorData>(editor.loader, getRequest(`/settings/templates/${template.id}`, admin), {
    templateId: template.id,
  });
  expect(page.data.state.lint.score).toBe(100);
  expect(page.data.state.preview!.subject).toBe("Your application for Support Engineer");
  expect(page.data.state.preview!.html).toContain("Hi Sam,");

  const unkind = "Dear applicant,\n\nUnfortunately we went another way. Do not reply.";
  const checked = await run<ActionData>(
    editor.action,
    postRequest(`/settings/templates/${template.id}`, admin, { subject: "Update", body: unkind, intent: "check" }),
    { templateId: template.id },
  );
  expect(checked.status).toBe(200);
  expect(checked.data.lint.score).toBeLessThan(60);
  expect(checked.data.lint.findings.map((finding) => finding.rule)).toEqual(
    expect.arrayContaining(["no_greeting", "opens_with_unfortunately", "no_reply_wording", "decision_late"]),
  );
  expect((await prisma.template.findUniqueOrThrow({ where: { id: template.id } })).version).toBe(template.version);
});

test("saving makes a new version with its author; the old text stays in the history", async () => {
  const template = await rejectionTemplate();
  const admin = await signIn("admin", { name: "Alex Morgan" });
  const body = template.body.replace("good luck with your search", "all the best for your search");
  const saved = await run(
    editor.action,
    postRequest(`/settings/templates/${template.id}`, admin, { subject: template.subject, body, intent: "save" }),
    { templateId: template.id },
  );
  expect(saved.status).toBe(302);
  expect(new URL(saved.location!, ORIGIN).searchParams.get("saved")).toBe("2");
  const page = await run<EditorData>(editor.loader, getRequest(saved.location!, admin), { templateId: template.id });
  expect(page.data.template.version).toBe(2);
  expect(page.data.state.values.body).toContain("all the best for your search");
  expect(page.data.template.versions.map((version) => [version.version, version.createdBy?.name ?? null])).toEqual([
    [2, "Alex Morgan"],
    [1, null],
  ]);
  const audit = await prisma.auditLog.findFirst({ where: { action: "template.saved", entityId: template.id } });
  expect(audit).not.toBeNull();
});

test("a template with errors is refused with a message at the field, the text kept and nothing written", async () => {
  const template = await rejectionTemplate();
  const versionsBefore = await prisma.templateVersion.count({ where: { templateId: template.id } });
  const admin = await signIn("admin");
  const body = `${template.body}\n\n{{candidate.shoeSize}}`;
  const refused = await run<ActionData>(
    editor.action,
    postRequest(`/settings/templates/${template.id}`, admin, { subject: "{{job.name}}", body, intent: "save" }),
    { templateId: template.id },
  );
  expect(refused.status).toBe(400);
  expect(refused.data.values).toEqual({ subject: "{{job.name}}", body });
  expect(refused.data.errors!.subject).toMatch(/\{\{job\.name\}\} in the subject is not a merge field/);
  expect(refused.data.errors!.body).toMatch(/\{\{candidate\.shoeSize\}\} in the body/);
  expect(refused.data.lint.score).toBe(0);
  const stored = await prisma.template.findUniqueOrThrow({ where: { id: template.id } });
  expect([stored.version, stored.body]).toEqual([template.version, template.body]);
  expect(await prisma.templateVersion.count({ where: { templateId: template.id } })).toBe(versionsBefore);

  const tooLong = await run<ActionData>(
    editor.action,
    postRequest(`/settings/templates/${template.id}`, admin, {
      subject: "x".repeat(301),
      body: template.body,
      intent: "save",
    }),
    { templateId: template.id },
  );
  expect(tooLong.status).toBe(400);
  expect(tooLong.data.errors!.subject).toBe("Subject must be at most 300 characters.");
});

test("an unknown template is a 404", async () => {
  const admin = await signIn("admin");
  const missing = await run(editor.loader, getRequest("/settings/templates/nope", admin), { templateId: "nope" });
  expect(missing.status).toBe(404);
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { TEMPLATE_KINDS, TEMPLATE_LOCALES } from "~/domain/templates/kinds";
import { lintTemplate, MAX_READING_GRADE } from "~/domain/templates/lint";
import { loadTemplateLibrary, parseLibraryFile } from "./email-library.server";

const library = loadTemplateLibrary();

test("the library has every kind in English and German", () => {
  expect(library).toHaveLength(TEMPLATE_KINDS.length * TEMPLATE_LOCALES.length);
  for (const template of library) {
    expect(template.subject, `${template.locale}/${template.kind}`).not.toBe("");
    expect(template.body, `${template.locale}/${template.kind}`).toMatch(/^(Hi|Hallo) \{\{candidate\.firstName\}\},/);
  }
});

test.each(library.map((template) => [`${template.locale}/${template.kind}`, template] as const))(
  "%s passes the compassion lint with a score of at least 90",
  (_name, template) => {
    const result = lintTemplate(template);
    expect(result.findings).toEqual([]);
    expect(result.score).toBeGreaterThanOrEqual(90);
    if (template.locale === "en") expect(result.readingGrade).toBeLessThanOrEqual(MAX_READING_GRADE);
  },
);

test("a malformed or missing file is named in the error", () => {
  expect(() => parseLibraryFile("subject: Hi\n\nBody", "emails/en/offer.md")).toThrow(
    /emails\/en\/offer\.md must start/,
  );
  expect(parseLibraryFile("---\nsubject:  Hello  \n---\nHi {{candidate.firstName}},\n\nText.\n\n", "x")).toEqual({
    subject: "Hello",
    body: "Hi {{candidate.firstName}},\n\nText.",
  });
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), "hearback-emails-"));
  expect(() => loadTemplateLibrary(empty)).toThrow(/no en "application_received" template/);
  fs.rmSync(empty, { recursive: true });
});

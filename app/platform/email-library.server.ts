// The default template library in emails/<locale>/<kind>.md: a `subject:` line between `---` fences, then the
// Markdown body. Every template kind (docs/templates.md) exists in every locale;
// app/platform/email-library.unit.test.ts holds each to the compassion lint.
import fs from "node:fs";
import path from "node:path";
import { TEMPLATE_KINDS, TEMPLATE_LOCALES, type TemplateKind, type TemplateLocale } from "~/domain/templates/kinds";

export type LibraryTemplate = { kind: TemplateKind; locale: TemplateLocale; subject: string; body: string };

/** emails/ of the checkout (the server and the tests run from its root). */
export const DEFAULT_LIBRARY_DIR = path.join(process.cwd(), "emails");

const FILE_SHAPE = /^---\r?\nsubject: *(.+?)\r?\n---\r?\n([\s\S]*)$/;

export function parseLibraryFile(text: string, file: string): { subject: string; body: string } {
  const match = FILE_SHAPE.exec(text);
  if (!match) {
    throw new Error(`${file} must start with a "---" line, a "subject: …" line and another "---" line.`);
  }
  return { subject: match[1]!.trim(), body: match[2]!.replace(/\s+$/, "") };
}

/** Every default template; throws naming the file when one is missing or malformed. */
export function loadTemplateLibrary(dir: string = DEFAULT_LIBRARY_DIR): LibraryTemplate[] {
  return TEMPLATE_LOCALES.flatMap((locale) =>
    TEMPLATE_KINDS.map((kind) => {
      const file = path.join(dir, locale, `${kind}.md`);
      if (!fs.existsSync(file)) throw new Error(`The template library has no ${locale} "${kind}" template (${file}).`);
      return { kind, locale, ...parseLibraryFile(fs.readFileSync(file, "utf8"), file) };
    }),
  );
}

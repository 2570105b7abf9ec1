#!/usr/bin/env node
// Fails when code or docs cite a repository path that does not exist, or point outside the repository for the
// product's definition: docs must stay true as files move. Plain Node, no dependencies; run by `npm run check:docs`.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

const SCANNED_EXTENSIONS = new Set([".ts", ".tsx", ".js", ".mjs", ".cjs", ".md", ".prisma", ".sh", ".json", ".yml"]);
const SCANNED_FILES = new Set([".ci/run"]);
const SKIPPED = [/^node_modules\//, /^app\/generated\//, /^bench\/results\//, /(^|\/)package-lock\.json$/];

// The folders a citation starts with. A path preceded by a word character, "/", ".", "~" or "-" is something else:
// a URL, a route such as /api/v1/…, an import alias (~/…), a relative import or part of a longer name.
const CITED_PATH =
  /(?<![\w/.~@$-])(?:app|docs|emails|prisma|tests|bench|scripts|bin|\.ci)\/[\w.$[\]()+@~*<>{}-]*(?:\/[\w.$[\]()+@~*<>{}-]*)*/g;
// Globs and placeholders (app/routes/s.$token*.tsx, emails/<locale>/<kind>.md, app/${dir}) name no single file.
const PATTERN_MARKS = /[*<>{]/;
// Joined here so that this file does not trip its own check.
const OUTSIDE_REFERENCES = [
  { pattern: new RegExp(`\\b${"DESIGN"}(?:\\.md\\b|\\s*§)`), what: "cites the outside design document" },
  { pattern: new RegExp(`\\.\\./${"shared"}\\b`), what: "cites a folder outside the repository" },
];

function trackedFiles() {
  const listing = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8", maxBuffer: 64 << 20 });
  return listing
    .split("\0")
    .filter(Boolean)
    .filter((file) => SCANNED_FILES.has(file) || SCANNED_EXTENSIONS.has(path.extname(file)))
    .filter((file) => !SKIPPED.some((skipped) => skipped.test(file)));
}

/** Sentence punctuation and Markdown around a path are not part of it: "[docs/sla.md](sla.md)" cites docs/sla.md. */
function trimCitation(citation) {
  let trimmed = citation.split("](")[0].replace(/[.,:;)\]]+$/, "");
  // An unbalanced closing bracket belongs to the sentence: "(see app/root.tsx)".
  while (trimmed.endsWith(")") && (trimmed.match(/\(/g) ?? []).length < (trimmed.match(/\)/g) ?? []).length) {
    trimmed = trimmed.slice(0, -1);
  }
  return trimmed;
}

/** A path exists as a file or folder, or names a numbered record by its number ("docs/decisions/013"). */
function exists(citation) {
  const absolute = path.join(root, citation);
  if (fs.existsSync(absolute)) return true;
  const folder = path.dirname(absolute);
  const prefix = `${path.basename(absolute)}-`;
  return /^\d+$/.test(path.basename(absolute)) && fs.existsSync(folder)
    ? fs.readdirSync(folder).some((name) => name.startsWith(prefix))
    : false;
}

function problemsIn(file) {
  const absolute = path.join(root, file);
  if (!fs.existsSync(absolute)) return [];
  const problems = [];
  const lines = fs.readFileSync(absolute, "utf8").split("\n");
  lines.forEach((line, index) => {
    const where = `${file}:${index + 1}`;
    for (const { pattern, what } of OUTSIDE_REFERENCES) {
      if (pattern.test(line)) problems.push(`${where}: ${what}`);
    }
    for (const match of line.matchAll(CITED_PATH)) {
      const citation = trimCitation(match[0]);
      if (PATTERN_MARKS.test(citation) || citation.endsWith("/.")) continue;
      // owner/repo#123 is another project's issue (prisma/prisma#27403), not a path.
      if (line[match.index + match[0].length] === "#") continue;
      if (exists(citation)) continue;
      // Brackets may be part of a name (api.v1.openapi[.]json.ts) or mark an optional part (plans[.postgres].txt).
      const withoutOptional = citation.replace(/\[[^\]]*\]/g, "");
      const withOptional = citation.replace(/\[([^\]]*)\]/g, "$1");
      if (citation.includes("[") && (exists(withoutOptional) || exists(withOptional))) continue;
      problems.push(`${where}: ${citation} does not exist`);
    }
  });
  return problems;
}

const problems = trackedFiles().flatMap(problemsIn);
if (problems.length > 0) {
  console.error(problems.join("\n"));
  console.error(`\n${problems.length} dangling reference(s). Point them at the file as it is named now.`);
  process.exit(1);
}
console.log("Every cited repository path exists.");

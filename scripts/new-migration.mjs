#!/usr/bin/env node
// Authors a migration without a database (`prisma migrate dev` cannot run on PGlite; see docs/decisions/001).
// It diffs the schema recorded with the newest migration against prisma/schema.prisma and writes the SQL.
// Usage: npm run db:migration -- <name>
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const name = (process.argv[2] ?? "")
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, "_")
  .replace(/^_|_$/g, "");
if (!name) {
  console.error("Usage: npm run db:migration -- <name>   (for example: add_candidate_phone)");
  process.exit(2);
}

const migrationsDir = path.join("prisma", "migrations");
const snapshotPath = path.join(migrationsDir, "schema.snapshot.prisma");
const from = fs.existsSync(snapshotPath) ? ["--from-schema-datamodel", snapshotPath] : ["--from-empty"];
const sql = execFileSync(
  "npx",
  ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", path.join("prisma", "schema.prisma"), "--script"],
  // A throw-away in-memory database keeps the CLI away from real data; diffing two schemas needs no tables.
  { encoding: "utf8", env: { ...process.env, DATABASE_URL: "", HEARBACK_DATA_DIR: "memory://" } },
);
if (!/\b(CREATE|ALTER|DROP)\b/i.test(sql)) {
  console.log("prisma/schema.prisma has no changes since the last migration; nothing written.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
fs.copyFileSync(path.join("prisma", "schema.prisma"), snapshotPath);
if (!fs.existsSync(path.join(migrationsDir, "migration_lock.toml"))) {
  fs.writeFileSync(path.join(migrationsDir, "migration_lock.toml"), 'provider = "postgresql"\n');
}
console.log(`Wrote ${path.join(dir, "migration.sql")}`);

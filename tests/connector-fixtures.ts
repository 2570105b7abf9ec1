// Vendor payloads for the connector tests (tests/fixtures/connectors/<vendor>/<name>.json), written from each vendor's
// documented shapes. The files are kept out of Prettier: a signature covers the raw bytes, so they stay as sent.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export type FixtureVendor = "greenhouse" | "ashby" | "lever" | "webhook";

function fixturePath(vendor: FixtureVendor, name: string): string {
  const file = name.endsWith(".json") ? name : `${name}.json`;
  return fileURLToPath(new URL(`./fixtures/connectors/${vendor}/${file}`, import.meta.url));
}

/** The fixture's bytes as on disk (UTF-8), exactly as the vendor would post them: what a signature is computed over. */
export function readFixture(vendor: FixtureVendor, name: string): string {
  return readFileSync(fixturePath(vendor, name), "utf8");
}

/** The fixture parsed, as the receiving route hands it to a mapper. A fresh object on every call, so a test may alter
 * its copy. */
export function fixtureJson(vendor: FixtureVendor, name: string): unknown {
  return JSON.parse(readFixture(vendor, name));
}

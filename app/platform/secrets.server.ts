// The session-signing secret: SESSION_SECRET, else one generated once and kept in the data folder, so the embedded
// start needs no configuration and sessions survive restarts.
import fs from "node:fs";
import path from "node:path";
import { dataDir, env } from "./env.server";
import { singleton } from "./singleton.server";
import { generateSecret } from "./tokens.server";

function readOrCreateSecret(): string {
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  if (dataDir.startsWith("memory://")) return generateSecret();
  const file = path.join(dataDir, "session-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = generateSecret();
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function sessionSecret(): string {
  return singleton("session-secret", readOrCreateSecret);
}

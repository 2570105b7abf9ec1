// Secrets Hearback must be able to read back (a connector's signing secret, an ATS API key), sealed at rest with
// AES-256-GCM under a key derived from the workspace secret. Changing SESSION_SECRET makes them unreadable: the
// connectors then need their secrets entered again (docs/connectors.md).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { sessionSecret } from "./secrets.server";
import { singleton } from "./singleton.server";

const VERSION = "v1";

function sealingKey(): Buffer {
  return singleton("secret-box-key", () =>
    Buffer.from(hkdfSync("sha256", sessionSecret(), "hearback", "sealed secrets v1", 32)),
  );
}

/** `v1.<iv>.<ciphertext>.<tag>`, each base64url. */
export function sealSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealingKey(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, ...[iv, body, cipher.getAuthTag()].map((part) => part.toString("base64url"))].join(".");
}

export class UnreadableSecretError extends Error {
  constructor() {
    super("A stored secret cannot be read: it was sealed under another SESSION_SECRET. Enter it again.");
    this.name = "UnreadableSecretError";
  }
}

export function openSecret(sealed: string): string {
  const [version, iv, body, tag] = sealed.split(".");
  if (version !== VERSION || !iv || !body || !tag) throw new UnreadableSecretError();
  try {
    const decipher = createDecipheriv("aes-256-gcm", sealingKey(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new UnreadableSecretError();
  }
}

// Random secrets and their stored form. Secrets are shown once and kept only as SHA-256 hashes: they carry 256 bits
// of entropy, so a fast hash is enough (no password-style stretching needed).
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export function generateSecret(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function secretsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

// Demo workspace seed (replaced by the full generator in tests/factories).
import type { PrismaClient } from "~/generated/prisma/client";
import { createUser } from "~/models/user.server";

export type DemoLogin = { role: string; email: string; password: string };

export async function seedDemoWorkspace(_prisma: PrismaClient): Promise<DemoLogin[]> {
  const password = "hearback-demo";
  await createUser({ email: "admin@demo.hearback.app", name: "Ada Admin", role: "admin", password });
  return [{ role: "admin", email: "admin@demo.hearback.app", password }];
}

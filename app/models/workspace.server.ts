// First-run state of the workspace: the default message templates, then demo data on an empty database or the
// /setup page for the first admin.
import { prisma } from "~/platform/db.server";
import { ensureTemplateLibrary } from "./template.server";

export type Workspace = { announcement(baseUrl: string): string[] };

export async function prepareWorkspace({ demo }: { demo: boolean }): Promise<Workspace> {
  await ensureTemplateLibrary();
  if (demo && (await prisma.user.count()) === 0) {
    // The seed decides again under the start-up lock: another instance starting now may have seeded meanwhile.
    const { seedDemoWorkspace } = await import("../../prisma/seed");
    const logins = await seedDemoWorkspace(prisma);
    if (logins) {
      return {
        announcement: () => [
          "Seeded the demo workspace. Sign in with one of these demo accounts:",
          ...logins.map((login) => `  ${login.role.padEnd(15)} ${login.email}  password: ${login.password}`),
        ],
      };
    }
  }
  if ((await prisma.user.count()) === 0) {
    return { announcement: (baseUrl) => [`No accounts yet: open ${baseUrl}/setup to create the first admin.`] };
  }
  return { announcement: () => [] };
}

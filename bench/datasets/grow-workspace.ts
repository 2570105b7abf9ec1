// Grows a workspace that already exists (the demo, seeded by the server's first start) to `--active N` active
// applications: one more job, run by its own staff, holds the difference, each application with a realistic history
// and its SLA clocks. Run as its own process by the pages benchmark while the server is stopped, on the server's
// database (the same HEARBACK_DATA_DIR or DATABASE_URL): `tsx bench/datasets/grow-workspace.ts --active 2000`.
import { prisma, database } from "~/platform/db.server";
import { createPipelineDataset, createPipelineStaff } from "./pipeline";

const flag = process.argv.indexOf("--active");
const wanted = Number(flag >= 0 ? process.argv[flag + 1] : NaN);
if (!Number.isInteger(wanted) || wanted < 1) {
  console.error("Usage: tsx bench/datasets/grow-workspace.ts --active <number of active applications>");
  process.exit(2);
}

try {
  const active = await prisma.application.count({ where: { status: "active" } });
  const missing = Math.max(0, wanted - active);
  if (missing > 0) {
    const staff = await createPipelineStaff("grown-workspace");
    await createPipelineDataset(staff, { applications: missing, title: "Support Engineer (high volume)" });
  }
  console.log(JSON.stringify({ activeBefore: active, added: missing }));
} finally {
  await database.close();
}

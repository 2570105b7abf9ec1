// Row ids made in the app rather than by Prisma, for bulk inserts: the shape of Prisma's cuid() (25 characters,
// starting with "c"), time-ordered so that rows inserted together land on neighbouring index pages.
import { randomBytes } from "node:crypto";

let counter = 0;

export function newId(): string {
  counter = (counter + 1) % 36 ** 4;
  return `c${Date.now().toString(36).padStart(8, "0")}${counter.toString(36).padStart(4, "0")}${randomBytes(6).toString("hex")}`;
}

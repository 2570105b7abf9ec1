// A published job's address on the careers page (/careers/<slug>): made from its title when it is first published,
// made unique with "-2", "-3"…, and never changed afterwards, so links people shared keep working.

const MAX_SLUG_LENGTH = 60;

/** "Senior Backend Engineer (m/w/d)" → "senior-backend-engineer-m-w-d"; "job" when nothing usable is left. */
export function slugFromTitle(title: string): string {
  const slug = title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/æ/gi, "ae")
    .replace(/ø/gi, "o")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const cut = slug.slice(0, MAX_SLUG_LENGTH).replace(/-+$/, "");
  return cut || "job";
}

/** `base`, else the first of `base-2`, `base-3`… that no other job has (`taken`: the slugs in use). */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${base}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** What a slug looks like; anything else in the address is a 404 without asking the database. */
export function isSlug(value: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) && value.length <= MAX_SLUG_LENGTH + 8;
}

// Reading what an HTML form posted: rows named `hours.0.open` arrive as objects keyed by index, and any field may be
// missing, repeated or of the wrong type, so the SLA editors read every value through these.

/** Form posts name rows `hours.0.open`, which arrive as an object keyed by index; the browser form has an array. */
export function indexedToArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value && typeof value === "object") {
    return Object.entries(value)
      .filter(([key]) => /^\d+$/.test(key))
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([, item]) => item);
  }
  return [];
}

export function postedObject(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function postedText(value: unknown): string {
  if (Array.isArray(value)) return postedText(value[0]);
  return typeof value === "string" ? value : "";
}

/** Checkbox values: present (any value but "false") means on. */
export function isChecked(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(isChecked);
  return value === true || (typeof value === "string" && value !== "false" && value !== "");
}

// Renders an instant for staff: absolute date in the viewer's locale, machine-readable for assistive tech.
export function DateTime({ value, timeZone }: { value: Date | string; timeZone?: string }) {
  const date = typeof value === "string" ? new Date(value) : value;
  const text = new Intl.DateTimeFormat("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: timeZone ?? "UTC",
  }).format(date);
  return <time dateTime={date.toISOString()}>{timeZone ? text : `${text} UTC`}</time>;
}

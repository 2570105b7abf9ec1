// Renders an instant for staff: absolute date in the viewer's time zone (named), machine-readable for assistive tech.
export function DateTime({ value, timeZone }: { value: Date | string; timeZone?: string }) {
  const date = typeof value === "string" ? new Date(value) : value;
  const text = new Intl.DateTimeFormat("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: timeZone ?? "UTC",
  }).format(date);
  const zone =
    new Intl.DateTimeFormat("en-GB", { timeZone: timeZone ?? "UTC", timeZoneName: "short" })
      .formatToParts(date)
      .find((part) => part.type === "timeZoneName")?.value ?? "UTC";
  return <time dateTime={date.toISOString()}>{`${text} ${zone}`}</time>;
}

// What the schedule editor says after a holiday import (app/web/sla-settings-forms.server.ts): what was added, or why
// nothing was, and what was left out. Pure.
import type { IcsImport } from "./ics-import";

/** The import form's checkbox that imports timed events too (app/components/sla-settings/schedule-editor.tsx). */
export const INCLUDE_TIMED_LABEL = "Also import timed events";

type ImportWindow = { years: number[]; from: string; until: string };

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** The sentence for an import from a country's public holidays. */
export function countryImportNotice(options: { source: string; window: ImportWindow; added: number }): string {
  const years = options.window.years.join(" and ");
  return options.added === 0
    ? `Nothing new to import from ${options.source} for ${years}: the list has these holidays already.`
    : `Imported ${plural(options.added, "holiday", "holidays")} from ${options.source} for ${years}. Check the list, then save the schedule to keep them.`;
}

/**
 * The sentences for an import from an .ics file: what was added, or why nothing was (no events, none in the window,
 * all on the list already), then the time zones read as the schedule's and the events skipped.
 */
export function icsImportNotice(options: {
  source: string;
  window: ImportWindow;
  timeZone: string;
  read: IcsImport;
  added: number;
}): string {
  const { source, window, read, added } = options;
  const span = `between ${window.from} and ${window.until} (this year and next, the years an import covers)`;
  const sentences: string[] = [];
  if (read.holidays.length > 0) {
    sentences.push(countryImportNotice({ source, window, added }));
  } else if (read.eventsInWindow > 0) {
    sentences.push(`Nothing was imported from ${source} for ${window.years.join(" and ")}.`);
  } else if (read.events === 0) {
    if (read.skipped.length === 0) sentences.push(`${source} has no events, so nothing was imported.`);
    else sentences.push(`Nothing was imported from ${source}.`);
  } else if (read.events === 1) {
    sentences.push(`The one event in ${source} does not fall ${span}, so nothing was imported.`);
  } else {
    sentences.push(`None of the ${read.events} events in ${source} fall ${span}, so nothing was imported.`);
  }
  if (read.timedLeftOut > 0) {
    const left =
      read.timedLeftOut === 1
        ? "1 timed event (a meeting, an appointment) was"
        : `${read.timedLeftOut} timed events (meetings, appointments) were`;
    sentences.push(
      `${left} left out: only all-day events and events marked out of office are imported. To import timed events as closures too, tick “${INCLUDE_TIMED_LABEL}” and import again.`,
    );
  }
  if (read.unknownTimeZones.length > 0) {
    const zones = read.unknownTimeZones.map((zone) => `“${zone}”`).join(", ");
    const named = read.unknownTimeZones.length === 1 ? "zone" : "zones";
    sentences.push(
      `The file does not define the time ${named} ${zones}: those times were read as ${options.timeZone} time.`,
    );
  }
  if (read.skipped.length > 0) {
    const count =
      read.skipped.length === 1 ? "1 event in the file was" : `${read.skipped.length} events in the file were`;
    sentences.push(`${count} skipped; the list below says why.`);
  }
  return sentences.join(" ");
}

// Where a customer benchmark's figures came from, in words the settings page and the dashboard show: "Imported from
// Zendesk export, 1,204 tickets 1 Sep–30 Nov 2026, on 6 Dec 2026 by Priya Raman". Pure.
import { periodText, shortDay } from "./import";
import { HELPDESK_VENDOR_LABELS, HELPDESK_VENDORS, type HelpdeskVendor } from "./vendors";

export type BenchmarkProvenance =
  | {
      kind: "helpdesk_import";
      vendor: HelpdeskVendor;
      vendorLabel: string;
      fileName: string | null;
      tickets: number;
      periodFrom: Date | string;
      periodTo: Date | string;
      businessHours: boolean;
      at: Date | string;
      by: string | null;
    }
  | { kind: "entered"; at: Date | string; by: string | null };

/** The stored import columns (all set by a helpdesk import, all null otherwise) as a provenance. */
export function provenanceOf(row: {
  importVendor: string | null;
  importFileName: string | null;
  importTickets: number | null;
  importPeriodFrom: Date | null;
  importPeriodTo: Date | null;
  importBusinessHours: boolean | null;
  updatedAt: Date;
  updatedBy: { name: string } | null;
}): BenchmarkProvenance {
  const by = row.updatedBy?.name ?? null;
  const vendor = HELPDESK_VENDORS.find((name) => name === row.importVendor);
  if (!vendor || row.importTickets === null || !row.importPeriodFrom || !row.importPeriodTo) {
    return { kind: "entered", at: row.updatedAt, by };
  }
  return {
    kind: "helpdesk_import",
    vendor,
    vendorLabel: HELPDESK_VENDOR_LABELS[vendor],
    fileName: row.importFileName,
    tickets: row.importTickets,
    periodFrom: row.importPeriodFrom,
    periodTo: row.importPeriodTo,
    businessHours: row.importBusinessHours ?? false,
    at: row.updatedAt,
    by,
  };
}

function dayIn(date: Date | string, timeZone: string): string {
  return shortDay(new Date(date), timeZone);
}

/** One sentence: which helpdesk, how many tickets over which days, when and by whom; or who entered them when. */
export function provenanceSentence(provenance: BenchmarkProvenance, timeZone: string): string {
  const when = `on ${dayIn(provenance.at, timeZone)}${provenance.by ? ` by ${provenance.by}` : ""}`;
  if (provenance.kind === "entered") return `Entered ${when}.`;
  const tickets = `${provenance.tickets.toLocaleString("en")} ${provenance.tickets === 1 ? "ticket" : "tickets"}`;
  const period = periodText(new Date(provenance.periodFrom), new Date(provenance.periodTo));
  const hours = provenance.businessHours ? ", in business hours" : "";
  return `Imported from ${provenance.vendorLabel} export, ${tickets} ${period}${hours}, ${when}.`;
}

// The helpdesks whose ticket exports Hearback reads, the columns each one writes, and telling them apart by the
// header row. Pure. Column names are matched without regard to case or repeated spaces.
import type { DurationUnit } from "./values";

export const HELPDESK_VENDORS = ["zendesk", "freshdesk", "helpscout", "zammad", "chatwoot"] as const;
export type HelpdeskVendor = (typeof HELPDESK_VENDORS)[number];

export const HELPDESK_VENDOR_LABELS: Record<HelpdeskVendor, string> = {
  zendesk: "Zendesk",
  freshdesk: "Freshdesk",
  helpscout: "Help Scout",
  zammad: "Zammad",
  chatwoot: "Chatwoot",
};

/** A column holding a duration since the ticket was created. */
export type DurationColumn = { header: string; unit: DurationUnit; businessHours: boolean };

/** How one figure (first reply or resolution) is read: the first duration column present wins (business-hours
 * variants come first), else the time between creation and the first timestamp column present. */
export type FigureColumns = { durations: DurationColumn[]; timestamps: string[] };

export type VendorSpec = {
  vendor: HelpdeskVendor;
  created: string[];
  firstReply: FigureColumns;
  resolution: FigureColumns;
};

export const VENDOR_SPECS: Record<HelpdeskVendor, VendorSpec> = {
  // Zendesk's CSV ticket export (Admin Center → Reports → Export): times in minutes, each in calendar and in
  // business hours; "Solved at" as "2026-09-01 09:15:00 +0000".
  zendesk: {
    vendor: "zendesk",
    created: ["Created at"],
    firstReply: {
      durations: [
        { header: "First reply time in minutes within business hours", unit: "minutes", businessHours: true },
        { header: "First reply time in minutes", unit: "minutes", businessHours: false },
      ],
      timestamps: [],
    },
    resolution: {
      durations: [
        { header: "Full resolution time in minutes within business hours", unit: "minutes", businessHours: true },
        { header: "Full resolution time in minutes", unit: "minutes", businessHours: false },
      ],
      timestamps: ["Solved at"],
    },
  },
  // Freshdesk's ticket export (Tickets → Export): timestamps as "2026-09-01 09:15:00" and the first response and
  // resolution times in hours.
  freshdesk: {
    vendor: "freshdesk",
    created: ["Created time"],
    firstReply: {
      durations: [{ header: "First response time (in hrs)", unit: "hours", businessHours: false }],
      timestamps: ["First responded time", "Initial response time"],
    },
    resolution: {
      durations: [{ header: "Resolution time (in hrs)", unit: "hours", businessHours: false }],
      timestamps: ["Resolved time", "Closed time"],
    },
  },
  // Help Scout's conversation export: durations written out ("1h 5m") or in seconds, and the closing time.
  helpscout: {
    vendor: "helpscout",
    created: ["Created At"],
    firstReply: {
      durations: [{ header: "First Response Time", unit: "seconds", businessHours: false }],
      timestamps: ["First Response At"],
    },
    resolution: {
      durations: [{ header: "Resolution Time", unit: "seconds", businessHours: false }],
      timestamps: ["Closed At"],
    },
  },
  // Zammad's ticket attributes (the report download and the API use the same names): ISO 8601 timestamps.
  zammad: {
    vendor: "zammad",
    created: ["created_at"],
    firstReply: { durations: [], timestamps: ["first_response_at"] },
    resolution: { durations: [], timestamps: ["close_at"] },
  },
  // Chatwoot's conversation report: durations written out ("1 hr 5 mins") or in seconds.
  chatwoot: {
    vendor: "chatwoot",
    created: ["Created at"],
    firstReply: {
      durations: [{ header: "First response time", unit: "seconds", businessHours: false }],
      timestamps: [],
    },
    resolution: {
      durations: [{ header: "Resolution time", unit: "seconds", businessHours: false }],
      timestamps: ["Resolved at"],
    },
  },
};

export function normaliseHeader(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, " ");
}

/** The columns of a spec that are present in the header, by their position. */
export function columnIndex(headers: string[], name: string): number {
  const wanted = normaliseHeader(name);
  return headers.findIndex((header) => normaliseHeader(header) === wanted);
}

function has(headers: string[], name: string): boolean {
  return columnIndex(headers, name) >= 0;
}

function readsAnyFigure(headers: string[], spec: VendorSpec): boolean {
  const figure = (columns: FigureColumns) =>
    columns.durations.some((column) => has(headers, column.header)) ||
    columns.timestamps.some((column) => has(headers, column));
  return figure(spec.firstReply) || figure(spec.resolution);
}

export type Detection = { ok: true; vendor: HelpdeskVendor } | { ok: false; error: string };

/**
 * Which helpdesk wrote a header row. Help Scout and Chatwoot name their columns alike ("Created At" / "Created at",
 * "First Response Time" / "First response time"): Help Scout's title case, its "Mailbox" or "Closed At" tell it
 * apart from Chatwoot's sentence case and "Inbox".
 */
export function detectVendor(headers: string[]): Detection {
  const candidates = HELPDESK_VENDORS.filter((vendor) => {
    const spec = VENDOR_SPECS[vendor];
    return spec.created.some((name) => has(headers, name)) && readsAnyFigure(headers, spec);
  });
  if (candidates.includes("zendesk")) return { ok: true, vendor: "zendesk" };
  if (candidates.includes("helpscout") && candidates.includes("chatwoot")) {
    const exact = (name: string) => headers.some((header) => header.trim() === name);
    const helpScout = exact("Created At") || has(headers, "Mailbox") || has(headers, "Closed At");
    const chatwoot = exact("Created at") || has(headers, "Inbox");
    if (helpScout !== chatwoot) return { ok: true, vendor: helpScout ? "helpscout" : "chatwoot" };
    return {
      ok: false,
      error:
        "Row 1 could come from Help Scout or from Chatwoot. Choose the helpdesk the file comes from and import it again.",
    };
  }
  if (candidates.length === 1) return { ok: true, vendor: candidates[0]! };
  return {
    ok: false,
    error:
      "Row 1 does not look like a ticket export from Zendesk, Freshdesk, Help Scout, Zammad or Chatwoot: it needs the " +
      "ticket's creation time and its first reply or resolution time (for Zendesk: “Created at” and “First reply time " +
      "in minutes”). For figures you worked out yourself, use the CSV template instead.",
  };
}

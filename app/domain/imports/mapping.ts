// Which column holds which field: a guess from the header names ATS exports and hand-made trackers use (English, and
// German where it costs nothing), the labels the mapping form shows, and the schema of the form that corrects it.
import { z } from "zod";
import { type ColumnMapping, IMPORT_FIELDS, type ImportField } from "./types";

export const FIELD_LABELS: Record<ImportField, string> = {
  fullName: "Full name",
  firstName: "First name",
  lastName: "Last name",
  email: "Email",
  phone: "Phone",
  job: "Job",
  stage: "Stage",
  status: "Status",
  appliedAt: "Applied date",
  lastActivityAt: "Last activity",
  rejectedAt: "Rejected date",
  rejectionReason: "Rejection reason",
  rejectionToldAt: "Rejection sent",
  source: "Source",
  recruiter: "Recruiter",
  candidateId: "Candidate ID",
  applicationId: "Application ID",
};

/**
 * Header names per field, best first, as `headerKey` writes them (lower case, letters and digits only). A header
 * matches a name exactly: "Job ID" is not "Job", and "Rejection email sent at" is not "Email".
 */
const HEADER_NAMES: Record<ImportField, string[]> = {
  fullName: [
    "fullname",
    "name",
    "candidatename",
    "candidate",
    "candidatefullname",
    "applicantname",
    "applicant",
    "contactname",
    "vollername",
  ],
  firstName: ["firstname", "givenname", "candidatefirstname", "forename", "vorname"],
  lastName: ["lastname", "surname", "familyname", "candidatelastname", "nachname", "familienname"],
  email: [
    "email",
    "emailaddress",
    "candidateemail",
    "candidateemailaddress",
    "emails",
    "primaryemail",
    "mail",
    "emailadresse",
  ],
  phone: [
    "phone",
    "phonenumber",
    "mobile",
    "mobilephone",
    "mobilenumber",
    "phones",
    "candidatephone",
    "telefon",
    "telefonnummer",
    "handy",
    "mobil",
  ],
  job: [
    "job",
    "jobtitle",
    "jobname",
    "position",
    "role",
    "appliedfor",
    "posting",
    "postingtitle",
    "requisition",
    "opening",
    "vacancy",
    "stelle",
    "stellenbezeichnung",
  ],
  stage: ["stage", "currentstage", "pipelinestage", "interviewstage", "stagename", "phase", "stufe"],
  status: ["status", "applicationstatus", "candidatestatus", "archived", "state", "bewerbungsstatus"],
  appliedAt: [
    "applieddate",
    "appliedat",
    "appliedon",
    "applicationdate",
    "dateapplied",
    "applied",
    "created",
    "createdat",
    "createdon",
    "createddate",
    "beworbenam",
    "bewerbungsdatum",
    "eingangsdatum",
  ],
  lastActivityAt: [
    "lastactivity",
    "lastactivitydate",
    "lastactivityat",
    "lastinteractionat",
    "lastinteraction",
    "updatedat",
    "lastupdated",
    "lastupdate",
    "lastmodified",
    "updated",
    "letzteaktivitat",
  ],
  rejectedAt: [
    "rejectedat",
    "rejectedon",
    "rejectiondate",
    "daterejected",
    "rejected",
    "archivedat",
    "archivedon",
    "archiveddate",
    "abgelehntam",
  ],
  rejectionReason: [
    "rejectionreason",
    "archivereason",
    "dispositionreason",
    "rejectedreason",
    "reason",
    "absagegrund",
    "ablehnungsgrund",
  ],
  rejectionToldAt: [
    "rejectionsent",
    "rejectionsentat",
    "rejectionemailsent",
    "rejectionemailsentat",
    "candidatenotified",
    "candidatenotifiedat",
    "notified",
    "toldat",
    "absagegesendet",
    "absageversendet",
  ],
  source: ["source", "sources", "candidatesource", "applicationsource", "origin", "quelle"],
  recruiter: [
    "recruiter",
    "owner",
    "opportunityowner",
    "coordinator",
    "hiringmanager",
    "recruiterin",
    "ansprechpartner",
  ],
  candidateId: ["candidateid", "personid", "contactid", "applicantid", "profileid"],
  applicationId: ["applicationid", "opportunityid", "bewerbungsid"],
};

/** "E-Mail" → "email", "Applied On" → "appliedon", "Letzte Aktivität" → "letzteaktivitat". */
export function headerKey(header: string): string {
  return header
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/**
 * The likely field of each column. Each field goes to one column and each column to one field: the header that is a
 * better name for its field wins ("Sources" over "Origin"), then the column further left.
 */
export function guessMapping(headers: string[]): ColumnMapping {
  const candidates: { column: number; field: ImportField; rank: number }[] = [];
  headers.forEach((header, column) => {
    const key = headerKey(header);
    if (key === "") return;
    for (const field of IMPORT_FIELDS) {
      const rank = HEADER_NAMES[field].indexOf(key);
      if (rank !== -1) candidates.push({ column, field, rank });
    }
  });
  candidates.sort((a, b) => a.rank - b.rank || a.column - b.column);
  const mapping: ColumnMapping = {};
  const taken = new Set<ImportField>();
  for (const { column, field } of candidates) {
    if (taken.has(field) || mapping[String(column)] !== undefined) continue;
    mapping[String(column)] = field;
    taken.add(field);
  }
  return mapping;
}

/** What a mapping lacks before rows can be read: an email, a job and a name. Empty when it can be used. */
export function mappingIssues(mapping: ColumnMapping): string[] {
  const fields = new Set(Object.values(mapping));
  const issues: string[] = [];
  if (!fields.has("fullName") && !(fields.has("firstName") && fields.has("lastName"))) {
    issues.push("Map Full name, or First name and Last name.");
  }
  if (!fields.has("email")) issues.push("Map a column to Email.");
  if (!fields.has("job")) issues.push("Map a column to Job.");
  return issues;
}

/** The letter a spreadsheet shows above a column: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = "";
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

const COLUMN_KEY = /^(?:column\.)?(\d{1,4})$/;

/**
 * The mapping form of a file with `columnCount` columns: one `column.<index>` per column, each a field or "" (not
 * imported). Other keys of the post (intent, CSRF token) are ignored; a bare `<index>` key is accepted too, for JSON.
 * Refuses a column outside the file, an unknown field and a field chosen for two columns. Parses to a ColumnMapping.
 */
export function columnMappingSchema(columnCount: number) {
  return z.record(z.string(), z.unknown()).transform((posted, context): ColumnMapping => {
    const mapping: ColumnMapping = {};
    const columnOf = new Map<ImportField, number>();
    for (const [key, value] of Object.entries(posted)) {
      const match = COLUMN_KEY.exec(key);
      if (!match) continue;
      const column = Number(match[1]);
      const path = [`column.${column}`];
      if (column >= columnCount) {
        context.addIssue({ code: "custom", path, message: `The file has no column ${columnLetter(column)}.` });
        continue;
      }
      if (value === "" || value === undefined || value === null) continue;
      if (typeof value !== "string" || !(IMPORT_FIELDS as readonly string[]).includes(value)) {
        context.addIssue({ code: "custom", path, message: "Choose a field from the list, or “Don't import”." });
        continue;
      }
      const field = value as ImportField;
      const earlier = columnOf.get(field);
      if (earlier !== undefined) {
        context.addIssue({
          code: "custom",
          path,
          message: `${FIELD_LABELS[field]} is already column ${columnLetter(earlier)}; choose it for one column only.`,
        });
        continue;
      }
      columnOf.set(field, column);
      mapping[String(column)] = field;
    }
    return mapping;
  });
}

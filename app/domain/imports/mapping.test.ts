import { expect, test } from "vitest";
import { columnLetter, columnMappingSchema, FIELD_LABELS, guessMapping, headerKey, mappingIssues } from "./mapping";
import { IMPORT_FIELDS } from "./types";

test("headers are compared without case, spaces, punctuation or accents", () => {
  expect(headerKey(" E-Mail ")).toBe("email");
  expect(headerKey("Applied On")).toBe("appliedon");
  expect(headerKey("Letzte Aktivität")).toBe("letzteaktivitat");
});

test("a Greenhouse candidate report: Job ID and Coordinator stay unmapped", () => {
  const headers =
    "Candidate ID,First Name,Last Name,Email,Phone,Job,Job ID,Current Stage,Status,Source,Recruiter,Coordinator,Applied On,Last Activity,Rejected On,Rejection Reason,Application ID".split(
      ",",
    );
  expect(guessMapping(headers)).toEqual({
    "0": "candidateId",
    "1": "firstName",
    "2": "lastName",
    "3": "email",
    "4": "phone",
    "5": "job",
    "7": "stage",
    "8": "status",
    "9": "source",
    "10": "recruiter",
    "12": "appliedAt",
    "13": "lastActivityAt",
    "14": "rejectedAt",
    "15": "rejectionReason",
    "16": "applicationId",
  });
});

test("a Lever export: Sources is a better source than Origin", () => {
  const headers =
    "Opportunity ID,Contact ID,Name,Email,Phone,Posting,Stage,Origin,Sources,Owner,Created At,Last Interaction At,Archived At,Archive Reason".split(
      ",",
    );
  expect(guessMapping(headers)).toEqual({
    "0": "applicationId",
    "1": "candidateId",
    "2": "fullName",
    "3": "email",
    "4": "phone",
    "5": "job",
    "6": "stage",
    "8": "source",
    "9": "recruiter",
    "10": "appliedAt",
    "11": "lastActivityAt",
    "12": "rejectedAt",
    "13": "rejectionReason",
  });
});

test("German headers", () => {
  const headers = [
    "Vorname",
    "Nachname",
    "E-Mail",
    "Telefon",
    "Stelle",
    "Phase",
    "Status",
    "Beworben am",
    "Abgelehnt am",
    "Absagegrund",
    "Quelle",
    "Notiz",
  ];
  expect(guessMapping(headers)).toEqual({
    "0": "firstName",
    "1": "lastName",
    "2": "email",
    "3": "phone",
    "4": "job",
    "5": "stage",
    "6": "status",
    "7": "appliedAt",
    "8": "rejectedAt",
    "9": "rejectionReason",
    "10": "source",
  });
});

test("each field goes to one column, the better-named or leftmost; look-alike headers are not taken", () => {
  expect(guessMapping(["Email", "Candidate email", "Role", "Job title", "Rejection email sent at", "Job ID"])).toEqual({
    "0": "email",
    "3": "job",
    "4": "rejectionToldAt",
  });
  expect(guessMapping(["Candidate", "Candidate name", "Applied for", "Date applied", "Candidate notified"])).toEqual({
    "1": "fullName",
    "2": "job",
    "3": "appliedAt",
    "4": "rejectionToldAt",
  });
  expect(guessMapping(["", "Notes", "Salary"])).toEqual({});
});

test("every field has a label", () => {
  for (const field of IMPORT_FIELDS) expect(FIELD_LABELS[field]).toMatch(/^[A-Z]/);
});

test("mappingIssues asks for a name, an email and a job", () => {
  expect(mappingIssues({})).toEqual([
    "Map Full name, or First name and Last name.",
    "Map a column to Email.",
    "Map a column to Job.",
  ]);
  expect(mappingIssues({ "0": "firstName", "1": "email", "2": "job" })).toEqual([
    "Map Full name, or First name and Last name.",
  ]);
  expect(mappingIssues({ "0": "firstName", "1": "lastName", "2": "email", "3": "job" })).toEqual([]);
  expect(mappingIssues({ "4": "fullName", "1": "email", "2": "job" })).toEqual([]);
});

test("the mapping form: one field or nothing per column", () => {
  const schema = columnMappingSchema(4);
  expect(
    schema.parse({ intent: "map", "column.0": "fullName", "column.1": "", "column.2": "email", "column.3": "job" }),
  ).toEqual({ "0": "fullName", "2": "email", "3": "job" });
  expect(schema.parse({ "0": "email" })).toEqual({ "0": "email" });
});

test("the mapping form refuses a field twice, an unknown field and a column the file lacks", () => {
  const result = columnMappingSchema(3).safeParse({
    "column.0": "email",
    "column.1": "email",
    "column.2": "salary",
    "column.7": "job",
  });
  expect(result.success).toBe(false);
  expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
    ["column.1", "Email is already column A; choose it for one column only."],
    ["column.2", "Choose a field from the list, or “Don't import”."],
    ["column.7", "The file has no column H."],
  ]);
});

test("column letters", () => {
  expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(["A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
});

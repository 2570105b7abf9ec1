import { expect, test } from "vitest";
import { lintMessage, lintTemplate, proseOf, type LintInput } from "./lint";

const kindRejection = `Hi {{candidate.firstName}},

thank you for meeting us for the {{job.title}} role. We have decided not to offer you the job.

The team liked how you explained your support work. We chose someone with more time in our tools.

If you would like feedback, reply to this email and I will call you this week.

With best wishes,
{{recruiter.name}}`;

function rules(input: LintInput) {
  return lintTemplate(input).findings.map((finding) => finding.rule);
}

test("a kind, clear rejection passes with a full score and a low reading grade", () => {
  const result = lintTemplate({ kind: "rejection_after_interview", subject: "Your interview", body: kindRejection });
  expect(result.findings).toEqual([]);
  expect(result.score).toBe(100);
  expect(result.readingGrade).toBeLessThanOrEqual(8);
});

test("an unknown token or an empty body is an error and scores 0", () => {
  const unknown = lintTemplate({ kind: "custom", subject: "Hi", body: `${kindRejection}\n{{candidate.age}}` });
  expect(unknown.findings).toContainEqual(expect.objectContaining({ rule: "unknown_token", severity: "error" }));
  expect(unknown.score).toBe(0);
  const empty = lintTemplate({ kind: "custom", subject: "Hi", body: "  \n" });
  expect(empty.findings).toContainEqual(expect.objectContaining({ rule: "empty_body", severity: "error" }));
  expect(empty.score).toBe(0);
});

test("no personal greeting and no named sender are warnings", () => {
  const body = "Dear applicant,\n\nWe have decided not to go on with your application.";
  expect(rules({ kind: "not_progressing", subject: "Your application", body })).toEqual(
    expect.arrayContaining(["no_greeting", "no_named_sender"]),
  );
});

test("a rejection must state the decision in its first two sentences", () => {
  const late = `Hi {{candidate.firstName}},

thank you for your time. We enjoyed reading about your work. Our team met many people. We will not offer you the job.

{{recruiter.name}}`;
  expect(rules({ kind: "rejection_after_screen", subject: "Update", body: late })).toContain("decision_late");
  // Not a rejection: no decision is owed up front.
  expect(rules({ kind: "custom", subject: "Update", body: late })).not.toContain("decision_late");
});

test("opening with “Unfortunately” and no-reply wording are flagged, in German too", () => {
  const en = `Hi {{candidate.firstName}},\n\nUnfortunately we have decided not to go on. Please do not reply.\n\n{{recruiter.name}}`;
  expect(rules({ kind: "not_progressing", subject: "x", body: en })).toEqual(
    expect.arrayContaining(["opens_with_unfortunately", "no_reply_wording"]),
  );
  const de = `Hallo {{candidate.firstName}},\n\nleider haben wir uns entschieden, nicht weiterzumachen.\n\n{{recruiter.name}}`;
  expect(rules({ kind: "not_progressing", subject: "x", body: de, locale: "de" })).toEqual([
    "opens_with_unfortunately",
  ]);
});

test("status updates must give the next date", () => {
  const body = `Hi {{candidate.firstName}},\n\nwe are still reading applications.\n\n{{recruiter.name}}`;
  expect(rules({ kind: "delay_update", subject: "Update", body })).toContain("no_next_date");
  const dated = body.replace("applications.", "applications. You will hear from us by {{nextUpdateBy}}.");
  expect(rules({ kind: "delay_update", subject: "Update", body: dated })).not.toContain("no_next_date");
});

test("long sentences, a high reading grade, passive voice and insensitive words are warnings from the libraries", () => {
  const body = `Hi {{candidate.firstName}},

After extraordinarily comprehensive deliberation regarding organisational requirements, considerations of interdisciplinary compatibility and longer-term strategic prioritisation, the committee concluded otherwise. The position was given to another applicant by the chairman.

{{recruiter.name}}`;
  const result = lintTemplate({ kind: "custom", subject: "News", body });
  const found = result.findings.map((finding) => finding.rule);
  expect(found).toEqual(expect.arrayContaining(["reading_grade", "passive_voice", "insensitive_wording"]));
  expect(result.readingGrade).toBeGreaterThan(8);
  expect(result.score).toBe(100 - 10 - 2 - 5); // reading grade, one passive, one insensitive word
  expect(result.findings.find((finding) => finding.rule === "insensitive_wording")!.message).toContain("chairman");

  const long = `Hi {{candidate.firstName}},\n\n${"we ".repeat(26).trim()} wait.\n\n{{recruiter.name}}`;
  expect(rules({ kind: "custom", subject: "x", body: long })).toContain("long_sentence");
});

test("German text is not judged by English-only rules", () => {
  const de = `Hallo {{candidate.firstName}},

vielen Dank für das Gespräch. Wir haben uns entschieden, Ihnen die Stelle nicht anzubieten. Der Vorsitzende wurde gefragt.

{{recruiter.name}}`;
  const result = lintTemplate({ kind: "rejection_after_interview", subject: "Ihr Gespräch", body: de, locale: "de" });
  expect(result.findings).toEqual([]);
  expect(result.readingGrade).toBeNull();
});

test("Markdown is read as prose: link texts, no marks", () => {
  expect(proseOf("## Next\n- **Check** [your status](https://x.example/s/1) at https://x.example")).toBe(
    "Next\nCheck your status at the link",
  );
});

test("a message whose merge fields would be empty for this candidate is an error, not a full score", () => {
  const invitation = {
    kind: "interview_invite" as const,
    subject: "Your interview on {{interview.when}}",
    body: `Hi {{candidate.firstName}},\n\nWhen: {{interview.when}}\nWhere: {{interview.where}}\n\n{{recruiter.name}}`,
  };
  const values = { "candidate.firstName": "Sam", "recruiter.name": "Priya Raman", "interview.where": " " };
  const result = lintMessage(invitation, values);
  expect(result.score).toBe(0);
  expect(result.findings.filter((finding) => finding.rule === "empty_field")).toEqual([
    expect.objectContaining({
      severity: "error",
      field: "subject",
      message: expect.stringContaining("interview.when"),
    }),
    expect.objectContaining({ severity: "error", field: "body", message: expect.stringContaining("interview.when") }),
    expect.objectContaining({ severity: "error", field: "body", message: expect.stringContaining("interview.where") }),
  ]);
  // The same template read with sample values (the editor's lint) has nothing empty.
  expect(lintTemplate(invitation).findings.some((finding) => finding.rule === "empty_field")).toBe(false);
  const filled = lintMessage(invitation, {
    ...values,
    "interview.when": "Tuesday 8 December, 14:00 (Berlin time)",
    "interview.where": "Room 3",
  });
  expect(filled.findings.some((finding) => finding.severity === "error")).toBe(false);
  expect(filled.score).toBe(lintTemplate(invitation).score);
});

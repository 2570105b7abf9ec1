import { describe, expect, test } from "vitest";
import { emptyFields, previewSampleValues, renderTemplate, sampleValues, templateProblems, usedTokens } from "./render";

test("merge fields are filled in, nested names included, and values are not HTML-escaped", () => {
  const rendered = renderTemplate(
    { subject: "Your application for {{job.title}}", body: "Hi {{candidate.firstName}},\n\n{{company.name}} & co" },
    { "candidate.firstName": "Zoë", "job.title": "R&D <Lead>", "company.name": "Acme" },
  );
  expect(rendered).toEqual({ subject: "Your application for R&D <Lead>", body: "Hi Zoë,\n\nAcme & co" });
});

test("a subject stays on one line whatever the values hold", () => {
  const rendered = renderTemplate({ subject: "{{job.title}}  update", body: "" }, { "job.title": "Data\nAnalyst" });
  expect(rendered.subject).toBe("Data Analyst update");
});

test("unknown tokens are named with the field they are in", () => {
  expect(templateProblems({ subject: "{{job.name}}", body: "Hi {{candidate.firstName}} {{ candidate.age }}" })).toEqual(
    [
      { kind: "unknown_token", field: "subject", token: "job.name" },
      { kind: "unknown_token", field: "body", token: "candidate.age" },
    ],
  );
});

test("sections, partials and comments are refused: templates are logic-less", () => {
  const problems = templateProblems({ subject: "ok", body: "{{#candidate}}x{{/candidate}} {{> footer}} {{! note }}" });
  expect(problems.map((problem) => problem.kind)).toEqual(["unsupported_tag", "unsupported_tag", "unsupported_tag"]);
});

test("a broken field is a syntax problem, not a crash", () => {
  const [problem] = templateProblems({ subject: "Hello {{candidate.firstName", body: "fine" });
  expect(problem).toMatchObject({ kind: "syntax", field: "subject" });
});

test("a clean template has no problems, and its tokens are listed in order of first use", () => {
  const body = "Hi {{candidate.firstName}}, about {{job.title}}. {{candidate.firstName}} — {{{statusUrl}}}";
  expect(templateProblems({ subject: "{{job.title}}", body })).toEqual([]);
  expect(usedTokens(body)).toEqual(["candidate.firstName", "job.title", "statusUrl"]);
});

test("every token has a sample value for previews", () => {
  for (const value of Object.values(sampleValues())) expect(value).not.toBe("");
});

test("emptyFields names each known field a template uses that the values leave blank", () => {
  const source = {
    subject: "{{interview.when}}",
    body: "{{interview.when}} {{interview.where}} {{job.title}} {{nope}}",
  };
  expect(emptyFields(source, { "job.title": "Support Engineer", "interview.where": "  " })).toEqual([
    { token: "interview.when", field: "subject" },
    { token: "interview.when", field: "body" },
    { token: "interview.where", field: "body" },
  ]);
  expect(emptyFields(source, sampleValues())).toEqual([]);
});

describe("the editor's preview samples", () => {
  test("name the workspace's company and dates ahead of now, in the template's language", () => {
    const now = new Date("2026-12-06T02:00:00Z");
    const values = previewSampleValues({ companyName: "Northwind Careers", now, locale: "en" });
    expect(values["company.name"]).toBe("Northwind Careers");
    expect(values.nextUpdateBy).toBe("Wednesday 9 December");
    expect(values["interview.when"]).toBe("Sunday 13 December, 14:00 (Berlin time)");
    expect(previewSampleValues({ companyName: "Northwind", now, locale: "de" }).nextUpdateBy).toBe(
      "Mittwoch, 9. Dezember",
    );
    // Other samples stay as they are.
    expect(values["candidate.firstName"]).toBe("Sam");
  });

  test("across a new year the dates carry their year; a blank company name falls back to the sample", () => {
    const values = previewSampleValues({ companyName: "  ", now: new Date("2026-12-30T10:00:00Z"), locale: "en" });
    expect(values.nextUpdateBy).toBe("Saturday, 2 January 2027");
    expect(values["company.name"]).toBe("Acme");
  });
});

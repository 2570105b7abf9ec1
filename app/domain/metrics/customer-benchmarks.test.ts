import { expect, test } from "vitest";
import { issuesToFieldErrors } from "~/domain/forms";
import { benchmarkFormSchema, benchmarkFormValues, benchmarkInputFromForm } from "./customer-benchmarks";

function parse(values: Record<string, string>) {
  return benchmarkFormSchema.safeParse({
    metric: "first_reply",
    targetMinutes: "60",
    attainmentPercent: "95",
    medianMinutes: "42",
    source: "",
    ...values,
  });
}

function errorsOf(values: Record<string, string>) {
  const result = parse(values);
  return result.success ? {} : issuesToFieldErrors(result.error.issues);
}

test("a complete form becomes the stored figures, attainment as a fraction", () => {
  const result = parse({ attainmentPercent: "95 %", source: " Zendesk, Q3 " });
  expect(result.success).toBe(true);
  expect(benchmarkInputFromForm(result.data!)).toEqual({
    metric: "first_reply",
    targetMinutes: 60,
    attainment: 0.95,
    medianMinutes: 42,
    source: "Zendesk, Q3",
  });
});

test("attainment or median may be left empty, not both", () => {
  expect(benchmarkInputFromForm(parse({ medianMinutes: "" }).data!).medianMinutes).toBeNull();
  expect(benchmarkInputFromForm(parse({ attainmentPercent: "" }).data!).attainment).toBeNull();
  expect(errorsOf({ attainmentPercent: "", medianMinutes: " " })).toEqual({
    attainmentPercent: "Enter the attainment, the median or both.",
  });
});

test("each field has its own message", () => {
  expect(errorsOf({ targetMinutes: "" })).toEqual({ targetMinutes: "Enter the target in minutes." });
  expect(errorsOf({ targetMinutes: "1.5" })).toEqual({ targetMinutes: "Enter the target in whole minutes." });
  expect(errorsOf({ targetMinutes: "0" })).toEqual({ targetMinutes: "The target must be at least 1 minute." });
  expect(errorsOf({ attainmentPercent: "101" })).toEqual({
    attainmentPercent: "Attainment must be between 0 and 100 %.",
  });
  expect(errorsOf({ attainmentPercent: "lots" })).toEqual({
    attainmentPercent: "Enter the attainment as a percentage, like 95.",
  });
  expect(errorsOf({ medianMinutes: "-1" })).toEqual({ medianMinutes: "The median cannot be negative." });
  expect(errorsOf({ metric: "csat" })).toEqual({ metric: "Choose first reply, next reply or resolution." });
});

test("stored figures fill the form and come back unchanged", () => {
  const stored = { targetMinutes: 60, attainment: 0.623, medianMinutes: 41.5, source: "Q3" };
  const values = benchmarkFormValues("next_reply", stored);
  expect(values).toEqual({
    metric: "next_reply",
    targetMinutes: "60",
    attainmentPercent: "62.3",
    medianMinutes: "41.5",
    source: "Q3",
  });
  expect(benchmarkInputFromForm(benchmarkFormSchema.parse(values))).toEqual({ metric: "next_reply", ...stored });
  expect(benchmarkFormValues("resolution")).toEqual({
    metric: "resolution",
    targetMinutes: "",
    attainmentPercent: "",
    medianMinutes: "",
    source: "",
  });
});

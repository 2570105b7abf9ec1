import { expect, test } from "vitest";
import { choiceMatches, timeZoneChoice, timeZoneChoices, withLikely } from "./choices";

const WINTER = new Date("2026-12-01T12:00:00Z");
const SUMMER = new Date("2026-07-01T12:00:00Z");

test("a zone is labelled with its city, country and offset at the given instant", () => {
  expect(timeZoneChoice("Europe/Berlin", WINTER).label).toBe("Berlin, Germany (UTC+01:00)");
  expect(timeZoneChoice("Europe/Berlin", SUMMER).label).toBe("Berlin, Germany (UTC+02:00)");
  expect(timeZoneChoice("America/Sao_Paulo", WINTER).label).toBe("Sao Paulo, Brazil (UTC-03:00)");
  expect(timeZoneChoice("Asia/Kolkata", WINTER).label).toBe("Kolkata, India (UTC+05:30)");
  expect(timeZoneChoice("UTC", WINTER).label).toBe("UTC (UTC+00:00)");
  expect(timeZoneChoice("Europe/Berlin", WINTER, "de").label).toBe("Berlin, Deutschland (UTC+01:00)");
});

test("the filter matches every word, without accents, on the label, the IANA name and the main cities", () => {
  const berlin = timeZoneChoice("Europe/Berlin", WINTER);
  expect(choiceMatches(berlin, "munich")).toBe(true);
  expect(choiceMatches(berlin, "Köln")).toBe(true);
  expect(choiceMatches(berlin, "germany +01")).toBe(true);
  expect(choiceMatches(berlin, "europe/berlin")).toBe(true);
  expect(choiceMatches(berlin, "paris")).toBe(false);
  expect(choiceMatches(timeZoneChoice("America/Sao_Paulo", WINTER), "são")).toBe(true);
});

test("likely zones come first; every zone is grouped by region, Other last", () => {
  const choices = timeZoneChoices({ at: WINTER, likely: ["Europe/Berlin", "Europe/Berlin", "Not/AZone"] });
  expect(choices.likely.map((choice) => choice.value)).toEqual(["Europe/Berlin"]);
  const labels = choices.regions.map((region) => region.label);
  expect(labels).toEqual(expect.arrayContaining(["Africa", "Americas", "Asia", "Europe", "Pacific Ocean"]));
  expect(labels.at(-1)).toBe("Other");
  expect(choices.regions.find((region) => region.label === "Other")!.choices.map((c) => c.value)).toContain("UTC");
  const europe = choices.regions.find((region) => region.label === "Europe")!.choices.map((choice) => choice.label);
  expect(europe).toEqual([...europe].sort((a, b) => a.localeCompare(b, "en-GB")));
});

test("the current zone is offered even when the platform does not list it", () => {
  const choices = timeZoneChoices({ at: WINTER, current: "US/Eastern", likely: ["US/Eastern"] });
  const all = choices.regions.flatMap((region) => region.choices.map((choice) => choice.value));
  expect(all).toContain("US/Eastern");
  expect(choices.likely[0]?.label).toBe("Eastern, United States (UTC-05:00)");
  expect(all.filter((zone) => zone === "Europe/Berlin")).toHaveLength(1);
});

test("likely zones chosen in the browser come from the listed options", () => {
  const choices = timeZoneChoices({ at: WINTER });
  expect(choices.likely).toEqual([]);
  const withGuess = withLikely(choices, ["Asia/Kolkata", "Nowhere/Else"]);
  expect(withGuess.likely.map((choice) => choice.label)).toEqual(["Kolkata, India (UTC+05:30)"]);
  expect(withGuess.regions).toBe(choices.regions);
});

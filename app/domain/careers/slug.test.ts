import { expect, test } from "vitest";
import { isSlug, slugFromTitle, uniqueSlug } from "./slug";

test("slugs are made from titles: lower case, ASCII, words joined by hyphens", () => {
  expect(slugFromTitle("Senior Backend Engineer")).toBe("senior-backend-engineer");
  expect(slugFromTitle("Account Executive, DACH")).toBe("account-executive-dach");
  expect(slugFromTitle("Entwickler:in (m/w/d) – Straßenbahn Zürich")).toBe("entwickler-in-m-w-d-strassenbahn-zurich");
  expect(slugFromTitle("  --C++ / C# dev--  ")).toBe("c-c-dev");
  expect(slugFromTitle("产品经理")).toBe("job");
  expect(slugFromTitle("")).toBe("job");
});

test("long titles are cut at 60 characters without a trailing hyphen", () => {
  const slug = slugFromTitle("Principal Site Reliability Engineer for Payments Infrastructure and Platform");
  expect(slug.length).toBeLessThanOrEqual(60);
  expect(slug).not.toMatch(/-$/);
  expect(slug.startsWith("principal-site-reliability-engineer")).toBe(true);
});

test("a taken slug gets the first free number from 2", () => {
  expect(uniqueSlug("designer", new Set())).toBe("designer");
  expect(uniqueSlug("designer", new Set(["designer"]))).toBe("designer-2");
  expect(uniqueSlug("designer", new Set(["designer", "designer-2", "designer-3"]))).toBe("designer-4");
  expect(uniqueSlug("designer", new Set(["designer-2"]))).toBe("designer");
});

test("only slug-shaped addresses are looked up", () => {
  expect(isSlug("senior-backend-engineer-2")).toBe(true);
  expect(isSlug("Senior")).toBe(false);
  expect(isSlug("a--b")).toBe(false);
  expect(isSlug("../etc")).toBe(false);
  expect(isSlug("")).toBe(false);
});

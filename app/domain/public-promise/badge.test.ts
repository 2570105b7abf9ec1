import { expect, test } from "vitest";
import { badgeSvg, escapeXml } from "./badge";
import { promiseFigure } from "./record";

test("the badge is one SVG image named by its words, for screen readers too", () => {
  const figure = promiseFigure("first_response", 188, 200);
  const svg = badgeSvg("Answers applicants in 3 business days", "kept 94%", "Answers … · kept 94%", figure);
  expect(svg).toMatch(
    /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" [^>]*role="img" aria-label="Answers … · kept 94%">/,
  );
  expect(svg).toContain("<title>Answers … · kept 94%</title>");
  expect(svg).toContain(">Answers applicants in 3 business days</text>");
  expect(svg).toContain(">kept 94%</text>");
  expect(svg.endsWith("</svg>")).toBe(true);
  // Every element that opens is closed (or closes itself).
  const opened = [...svg.matchAll(/<(\w+)[^>]*?(\/?)>/g)].filter((match) => match[2] !== "/").map((m) => m[1]);
  const closed = [...svg.matchAll(/<\/(\w+)>/g)].map((match) => match[1]);
  expect(closed.sort()).toEqual(opened.sort());
  expect(svg).not.toMatch(/<script|on\w+=/i);
});

test("words are escaped, so a company's text cannot break out of the image", () => {
  expect(escapeXml(`<a href="x">&'`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
  const svg = badgeSvg("<script>", "kept 1%", 'say "hi"', promiseFigure("first_response", 1, 20));
  expect(svg).not.toContain("<script>");
  expect(svg).toContain('aria-label="say &quot;hi&quot;"');
});

test("green from 90% kept, amber below it, grey without a figure", () => {
  const colour = (kept: number, cases: number) =>
    /<rect x="\d+" [^>]*fill="(#[0-9a-f]{6})"/.exec(
      badgeSvg("a", "b", "c", promiseFigure("outcome_told", kept, cases)),
    )?.[1];
  expect(colour(18, 20)).toBe("#166534");
  expect(colour(17, 20)).toBe("#9a3412");
  expect(colour(5, 5)).toBe("#52525b");
});

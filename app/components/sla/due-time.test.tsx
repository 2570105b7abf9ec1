import { renderToStaticMarkup } from "react-dom/server";
import { expect, test } from "vitest";
import { DueTime } from "./due-time";

const NOW = new Date("2026-12-01T12:00:00Z");

test("a due date shows the candidate's local time when their clock reads differently", () => {
  const html = renderToStaticMarkup(
    <DueTime dueAt="2026-12-02T08:00:00Z" now={NOW} timeZone="Europe/London" candidateTimeZone="Europe/Berlin" />,
  );
  expect(html).toContain("· 09:00 their time");
  expect(html).not.toContain("at night");
});

test("a due date at night for the candidate says so", () => {
  const html = renderToStaticMarkup(
    <DueTime dueAt="2026-12-02T01:00:00Z" now={NOW} timeZone="Europe/London" candidateTimeZone="Europe/Berlin" />,
  );
  expect(html).toContain("· 02:00 their time, at night");
  expect(html).toContain("due-time__theirs--night");
});

test("without the candidate's zone, or in the viewer's zone, nothing is added", () => {
  const plain = renderToStaticMarkup(<DueTime dueAt="2026-12-02T08:00:00Z" now={NOW} timeZone="Europe/London" />);
  const same = renderToStaticMarkup(
    <DueTime dueAt="2026-12-02T08:00:00Z" now={NOW} timeZone="Europe/London" candidateTimeZone="Europe/London" />,
  );
  expect(plain).not.toContain("their time");
  expect(same).toBe(plain);
});

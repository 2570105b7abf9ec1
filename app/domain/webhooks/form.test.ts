// The endpoint form and API schema: an http(s) URL without credentials, a non-empty set of known events (one checkbox
// or many), an optional short description, and "allow private" from a checkbox or a boolean.
import { expect, test } from "vitest";
import { webhookEndpointInputSchema } from "./form";

const parse = (input: unknown) => webhookEndpointInputSchema.safeParse(input);
const paths = (input: unknown) => {
  const result = parse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join(".")).sort();
};

test("a form post with one checkbox, or an API body with several, reads as a list without repeats", () => {
  expect(parse({ url: " https://hooks.example.com/a ", events: "sla.breached" }).data).toEqual({
    url: "https://hooks.example.com/a",
    events: ["sla.breached"],
    allowPrivate: false,
  });
  expect(
    parse({
      url: "http://10.0.0.5:8080/in",
      events: ["candidate.told", "candidate.told", "sla.warning"],
      description: " Warehouse ",
      allowPrivate: "on",
    }).data,
  ).toEqual({
    url: "http://10.0.0.5:8080/in",
    events: ["candidate.told", "sla.warning"],
    description: "Warehouse",
    allowPrivate: true,
  });
  expect(
    parse({ url: "https://hooks.example.com", events: ["sla.warning"], allowPrivate: true }).data?.allowPrivate,
  ).toBe(true);
});

test("refuses what cannot be sent to: other schemes, credentials, no URL, no or unknown events, long descriptions", () => {
  expect(paths({ url: "ftp://x.example.com", events: ["sla.warning"] })).toEqual(["url"]);
  expect(paths({ url: "https://user:pw@x.example.com", events: ["sla.warning"] })).toEqual(["url"]);
  expect(paths({ url: "", events: ["sla.warning"] })).toEqual(["url"]);
  expect(paths({ url: "https://x.example.com/" + "a".repeat(2000), events: ["sla.warning"] })).toEqual(["url"]);
  expect(paths({ url: "https://x.example.com" })).toEqual(["events"]);
  expect(paths({ url: "https://x.example.com", events: [] })).toEqual(["events"]);
  expect(paths({ url: "https://x.example.com", events: ["webhook.test"] })).toEqual(["events.0"]);
  expect(paths({ url: "https://x.example.com", events: ["sla.warning"], description: "d".repeat(201) })).toEqual([
    "description",
  ]);
});

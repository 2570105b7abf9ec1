import { expect, test } from "vitest";
import {
  applicationIdFromReplyAddress,
  bareAddress,
  domainOf,
  headerMessageIdFor,
  referencedMessageIds,
  replyAddressFor,
} from "./addresses";

const SECRET = "a-workspace-secret-of-at-least-32-characters";
const APPLICATION = "cmabc123def456ghi789jkl0";

test("a reply address leads back to its application, whatever the case or display name", () => {
  const address = replyAddressFor(APPLICATION, SECRET, "replies.acme.example");
  expect(address).toMatch(/^reply\+cmabc123def456ghi789jkl0\.[0-9a-f]{16}@replies\.acme\.example$/);
  expect(applicationIdFromReplyAddress(address, SECRET)).toBe(APPLICATION);
  expect(applicationIdFromReplyAddress(`"Acme Careers" <${address.toUpperCase()}>`, SECRET)).toBe(APPLICATION);
});

test("a forged, altered or foreign reply address matches nothing", () => {
  const address = replyAddressFor(APPLICATION, SECRET, "acme.example");
  expect(applicationIdFromReplyAddress(address, "another-secret-of-at-least-32-characters!")).toBeNull();
  expect(applicationIdFromReplyAddress(address.replace(APPLICATION, "cmother123def456ghi789jk"), SECRET)).toBeNull();
  expect(applicationIdFromReplyAddress(`reply+${APPLICATION}.0000000000000000@acme.example`, SECRET)).toBeNull();
  expect(applicationIdFromReplyAddress("jobs@acme.example", SECRET)).toBeNull();
  expect(applicationIdFromReplyAddress("", SECRET)).toBeNull();
});

test("bare addresses and domains are read from either address form", () => {
  expect(bareAddress("Sam Taylor <Sam@Example.COM>")).toBe("sam@example.com");
  expect(bareAddress("  sam@example.com ")).toBe("sam@example.com");
  expect(domainOf("Hearback <hello@Acme.Example>")).toBe("acme.example");
  expect(domainOf("nobody")).toBe("localhost");
});

test("our Message-IDs are stable; referenced ids are read in order from In-Reply-To and References", () => {
  expect(headerMessageIdFor("c1", "acme.example")).toBe("<hb.c1@acme.example>");
  expect(headerMessageIdFor("c1", "acme.example")).toBe(headerMessageIdFor("c1", "acme.example"));
  expect(referencedMessageIds("<a@x>", "<b@x>\r\n <c@x>", null, undefined)).toEqual(["<a@x>", "<b@x>", "<c@x>"]);
  expect(referencedMessageIds("garbage without brackets")).toEqual([]);
});

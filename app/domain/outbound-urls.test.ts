import { describe, expect, test } from "vitest";
import { checkOutboundUrl, isPrivateAddress } from "./outbound-urls";

describe("checkOutboundUrl", () => {
  test("takes http and https URLs with a host", () => {
    expect(checkOutboundUrl(" https://hooks.example.com/in?x=1 ")).toMatchObject({ ok: true });
    expect(checkOutboundUrl("http://receiver.example.com:8080/")).toMatchObject({ ok: true });
  });

  test.each([
    ["", "Enter the URL to send to."],
    ["not a url", "This is not a URL; it should start with https://."],
    ["ftp://example.com/", "Only http and https URLs."],
    ["file:///etc/passwd", "Only http and https URLs."],
    ["https://user:secret@example.com/", "Leave the user name and password out of the URL."],
    [`https://example.com/${"a".repeat(2_000)}`, "The URL is longer than 2,000 characters."],
  ])("refuses %j", (text, error) => {
    expect(checkOutboundUrl(text)).toEqual({ ok: false, error });
  });

  test("https only when asked", () => {
    expect(checkOutboundUrl("http://hooks.slack.com/x", { httpsOnly: true })).toEqual({
      ok: false,
      error: "The URL must start with https://.",
    });
  });
});

describe("isPrivateAddress", () => {
  test.each([
    "127.0.0.1",
    "127.8.9.10",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "[::1]",
    "fe80::1%eth0",
    "fd12:3456::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "64:ff9b::a9fe:a9fe",
    "2002:c0a8:0101::1",
    "localhost",
    "not-an-address",
  ])("refuses %s", (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  test.each(["93.184.216.34", "8.8.8.8", "172.32.0.1", "192.169.0.1", "2606:4700::1111", "::ffff:8.8.8.8"])(
    "allows %s",
    (address) => {
      expect(isPrivateAddress(address)).toBe(false);
    },
  );
});

// The addresses Hearback may POST to (webhook endpoints, chat channels): what a form accepts, and which network
// addresses are refused at delivery time unless an admin allowed them — loopback, link-local (cloud metadata),
// private, shared and reserved ranges, in IPv4 and IPv6 (with IPv4 mapped or translated inside IPv6). Pure.
import { BlockList, isIP } from "node:net";

const MAX_URL_LENGTH = 2_000;

export type OutboundUrlCheck = { ok: true; url: URL } | { ok: false; error: string };

/** An http(s) URL with a host and no user name or password in it. */
export function checkOutboundUrl(text: string, options: { httpsOnly?: boolean } = {}): OutboundUrlCheck {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, error: "Enter the URL to send to." };
  if (trimmed.length > MAX_URL_LENGTH) return { ok: false, error: "The URL is longer than 2,000 characters." };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, error: "This is not a URL; it should start with https://." };
  }
  const schemes = options.httpsOnly ? ["https:"] : ["https:", "http:"];
  if (!schemes.includes(url.protocol)) {
    return { ok: false, error: options.httpsOnly ? "The URL must start with https://." : "Only http and https URLs." };
  }
  if (!url.hostname) return { ok: false, error: "The URL has no host." };
  if (url.username || url.password) {
    return { ok: false, error: "Leave the user name and password out of the URL." };
  }
  return { ok: true, url };
}

const refused = singletonBlockList();

function singletonBlockList(): BlockList {
  const list = new BlockList();
  const v4: [string, number][] = [
    ["0.0.0.0", 8], // "this network"
    ["10.0.0.0", 8],
    ["100.64.0.0", 10], // shared address space (carrier NAT)
    ["127.0.0.0", 8],
    ["169.254.0.0", 16], // link-local, where cloud metadata services answer
    ["172.16.0.0", 12],
    ["192.0.0.0", 24],
    ["192.0.2.0", 24], // documentation
    ["192.168.0.0", 16],
    ["198.18.0.0", 15], // benchmarking
    ["198.51.100.0", 24],
    ["203.0.113.0", 24],
    ["224.0.0.0", 4], // multicast
    ["240.0.0.0", 4], // reserved, and the broadcast address
  ];
  for (const [network, prefix] of v4) list.addSubnet(network, prefix, "ipv4");
  const v6: [string, number][] = [
    ["::", 128], // unspecified
    ["::1", 128],
    ["fc00::", 7], // unique local
    ["fe80::", 10], // link-local
    ["fec0::", 10], // site-local (deprecated)
    ["ff00::", 8], // multicast
    ["2001:db8::", 32], // documentation
    ["100::", 64], // discard
  ];
  for (const [network, prefix] of v6) list.addSubnet(network, prefix, "ipv6");
  return list;
}

/** The IPv4 address inside an IPv6 one that carries it (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16),
 * or null. */
function embeddedIpv4(address: string): string | null {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1]!;
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex) return fromHexPair(hex[1]!, hex[2]!);
  const sixToFour = /^2002:([0-9a-f]{1,4}):([0-9a-f]{1,4}):/.exec(lower);
  if (sixToFour) return fromHexPair(sixToFour[1]!, sixToFour[2]!);
  return null;
}

function fromHexPair(high: string, low: string): string {
  const a = parseInt(high, 16);
  const b = parseInt(low, 16);
  return [a >> 8, a & 255, b >> 8, b & 255].join(".");
}

/** Whether a network address is one an outside service must not make Hearback reach: loopback, link-local, private
 * and the other special ranges above. Anything that is not an IP address counts as private (refused). */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const version = isIP(bare);
  if (version === 4) return refused.check(bare, "ipv4");
  if (version === 6) {
    const inner = embeddedIpv4(bare);
    if (inner !== null) return refused.check(inner, "ipv4");
    return refused.check(bare, "ipv6");
  }
  return true;
}

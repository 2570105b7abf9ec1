import { expect, test } from "vitest";
import { captureAddressFor, captureSecretOf } from "~/domain/messages/addresses";
import {
  CAPTURE_SECRET_PATTERN,
  MAX_CAPTURE_DELAY_MS,
  candidateAddressesOf,
  capturedCopyMessageId,
  capturedSentAt,
  recipientLabel,
} from "./capture";
import { parseInboundEmail } from "./parse";
import { envelopeRecipientsOf, MAX_ENVELOPE_RECIPIENTS } from "./receipt";

const SECRET = "abcdefghijklmnopqrstuvwxyz234567";
const RECEIVED = new Date("2027-01-12T10:00:00Z");

test("a capture address carries its secret, read back whatever the case or display name", () => {
  const address = captureAddressFor(SECRET, "replies.acme.example");
  expect(address).toBe(`bcc+${SECRET}@replies.acme.example`);
  expect(CAPTURE_SECRET_PATTERN.test(SECRET)).toBe(true);
  expect(captureSecretOf(`"Hearback" <${address.toUpperCase()}>`)).toBe(SECRET);
  expect(captureSecretOf(`reply+c123.0123456789abcdef@replies.acme.example`)).toBeNull();
  expect(captureSecretOf("ana@example.com")).toBeNull();
});

test("the Date header counts when it lies between a week before the arrival and the arrival", () => {
  const sent = new Date("2027-01-12T08:41:07Z");
  expect(capturedSentAt(sent, RECEIVED)).toEqual(sent);
  expect(capturedSentAt(RECEIVED, RECEIVED)).toEqual(RECEIVED);
  const weekBefore = new Date(RECEIVED.getTime() - MAX_CAPTURE_DELAY_MS);
  expect(capturedSentAt(weekBefore, RECEIVED)).toEqual(weekBefore);
  expect(capturedSentAt(new Date(weekBefore.getTime() - 1), RECEIVED)).toEqual(RECEIVED);
  expect(capturedSentAt(new Date("2027-01-12T10:00:01Z"), RECEIVED)).toEqual(RECEIVED);
  expect(capturedSentAt(new Date("1970-01-01T00:00:00Z"), RECEIVED)).toEqual(RECEIVED);
  expect(capturedSentAt(null, RECEIVED)).toEqual(RECEIVED);
});

test("the To and Cc recipients as Gmail and Outlook write them are read with their names, Bcc only as a recipient", async () => {
  const raw = [
    "From: Maria Lopez <Maria.Lopez@acme.example>",
    'To: "Ana Ruiz" <Ana.Ruiz@example.com>, Ben Okafor <ben.okafor@example.net>, "Ruiz, Ana" <ana.ruiz@example.com>',
    'Cc: "Becker, Jonas" <jonas.becker@acme.example>, chen.wei@example.org',
    "Bcc: bcc+abcdefghijklmnopqrstuvwxyz234567@replies.acme.example",
    "Subject: Next steps",
    "Message-ID: <CAJx5Ke9@mail.gmail.com>",
    "",
    "Hello",
  ].join("\r\n");
  const parsed = await parseInboundEmail(raw);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const { email } = parsed;
  expect(email.sentTo).toEqual([
    { name: "Ana Ruiz", address: "ana.ruiz@example.com" },
    { name: "Ben Okafor", address: "ben.okafor@example.net" },
    { name: "Becker, Jonas", address: "jonas.becker@acme.example" },
    { name: "", address: "chen.wei@example.org" },
  ]);
  expect(email.recipients).toContain("bcc+abcdefghijklmnopqrstuvwxyz234567@replies.acme.example");
  expect(candidateAddressesOf(email.sentTo, "maria.lopez@acme.example")).toEqual([
    "ana.ruiz@example.com",
    "ben.okafor@example.net",
    "jonas.becker@acme.example",
    "chen.wei@example.org",
  ]);
  expect(candidateAddressesOf(email.sentTo, "Ana.Ruiz@example.com")).not.toContain("ana.ruiz@example.com");
});

test("a recipient reads back as an address, its name quoted when it must be", () => {
  expect(recipientLabel({ name: "Ana Ruiz", address: "ana@example.com" })).toBe("Ana Ruiz <ana@example.com>");
  expect(recipientLabel({ name: "Ruiz, Ana", address: "ana@example.com" })).toBe('"Ruiz, Ana" <ana@example.com>');
  expect(recipientLabel({ name: 'Ana "A" Ruiz', address: "ana@example.com" })).toBe(
    '"Ana \\"A\\" Ruiz" <ana@example.com>',
  );
  expect(recipientLabel({ name: "", address: "ana@example.com" })).toBe("ana@example.com");
});

test("each further copy of a captured message gets its own stable Message-ID", () => {
  const id = "<CAJx5Ke9@mail.gmail.com>";
  expect(capturedCopyMessageId(id, "app1")).toBe(capturedCopyMessageId(id, "app1"));
  expect(capturedCopyMessageId(id, "app1")).not.toBe(capturedCopyMessageId(id, "app2"));
  expect(capturedCopyMessageId(id, "app1")).toMatch(/^<capture\.[0-9a-f]{32}\.app1@hearback\.invalid>$/);
});

test("the API's envelopeTo is read as a list of bare addresses", () => {
  expect(envelopeRecipientsOf(undefined)).toEqual([]);
  expect(envelopeRecipientsOf(" <BCC+Secret@Replies.Acme.Example>, jobs@acme.example jobs@acme.example,,x")).toEqual([
    "bcc+secret@replies.acme.example",
    "jobs@acme.example",
  ]);
  expect(envelopeRecipientsOf(Array.from({ length: 150 }, (_, index) => `a${index}@x.example`).join(","))).toHaveLength(
    MAX_ENVELOPE_RECIPIENTS,
  );
});

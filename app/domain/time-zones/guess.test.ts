import { expect, test } from "vitest";
import { phoneCountry } from "./calling-codes";
import { dateHeaderOffset, guessFromDateHeader, guessFromPhone, guessTimeZone } from "./guess";
import { offsetMinutesAt, zonesWithOffsetAt } from "./zones";

test("a phone number's country code names the country's zone", () => {
  expect(guessFromPhone("+49 30 1234567")).toEqual({
    zone: "Europe/Berlin",
    likely: ["Europe/Berlin"],
    reason: "Guessed from the phone number's country code +49.",
  });
  expect(guessFromPhone("+44 20 7946 0000")?.zone).toBe("Europe/London");
  expect(guessFromPhone("0044 (0)20 7946 0000")?.zone).toBe("Europe/London");
  expect(guessFromPhone("+91 98765 43210")?.zone).toBe("Asia/Kolkata");
  expect(guessFromPhone("+33 1 23 45 67 89")?.zone).toBe("Europe/Paris");
  expect(guessFromPhone("+353 1 234 5678")?.zone).toBe("Europe/Dublin");
  expect(guessFromPhone("+234 803 123 4567")?.zone).toBe("Africa/Lagos");
});

test("a country spread over several clocks gives a short list, most populous first, and no single guess", () => {
  const australia = guessFromPhone("+61 2 9374 4000")!;
  expect(australia.zone).toBeNull();
  expect(australia.likely.slice(0, 3)).toEqual(["Australia/Sydney", "Australia/Brisbane", "Australia/Perth"]);
  expect(australia.reason).toContain("+61 spans several time zones");
  const brazil = guessFromPhone("+55 11 91234-5678")!;
  expect(brazil.zone).toBeNull();
  expect(brazil.likely[0]).toBe("America/Sao_Paulo");
  expect(brazil.likely).toContain("America/Manaus");
});

test("+1: the area code names the zone for the big US and Canadian zones, else the likely zones are offered", () => {
  expect(guessFromPhone("+1 (212) 555-0100")).toMatchObject({
    zone: "America/New_York",
    reason: "Guessed from the phone number's area code +1 212.",
  });
  expect(guessFromPhone("+1 415 555 0100")?.zone).toBe("America/Los_Angeles");
  expect(guessFromPhone("+1 312 555 0100")?.zone).toBe("America/Chicago");
  expect(guessFromPhone("+1 303 555 0100")?.zone).toBe("America/Denver");
  expect(guessFromPhone("+1 602 555 0100")?.zone).toBe("America/Phoenix");
  expect(guessFromPhone("+1 416 555 0100")?.zone).toBe("America/Toronto");
  expect(guessFromPhone("+1 604 555 0100")?.zone).toBe("America/Vancouver");
  // Florida's 850 straddles the Eastern/Central line: only the country is known.
  const panhandle = guessFromPhone("+1 850 555 0100")!;
  expect(panhandle.zone).toBeNull();
  expect(panhandle.likely.slice(0, 3)).toEqual(["America/New_York", "America/Chicago", "America/Los_Angeles"]);
  // +1 876 is Jamaica, not the United States.
  expect(guessFromPhone("+1 876 555 0100")?.zone).toBe("America/Jamaica");
  expect(phoneCountry("+1 876 555 0100")?.countries).toEqual(["JM"]);
});

test("+7 is Russia, or Kazakhstan for numbers starting 6 or 7", () => {
  expect(guessFromPhone("+7 495 123 45 67")).toMatchObject({
    zone: null,
    likely: expect.arrayContaining(["Europe/Moscow"]),
  });
  expect(guessFromPhone("+7 495 123 45 67")?.likely[0]).toBe("Europe/Moscow");
  expect(phoneCountry("+7 701 123 4567")?.countries).toEqual(["KZ"]);
});

test("numbers without an international prefix, or with an unassigned code, give no guess", () => {
  expect(guessFromPhone("030 1234567")).toBeNull();
  expect(guessFromPhone("+999 123456")).toBeNull();
  expect(guessFromPhone("+49")).toBeNull();
  expect(guessFromPhone("call me")).toBeNull();
  expect(guessFromPhone("")).toBeNull();
  expect(guessFromPhone(null)).toBeNull();
});

test("a Date header's offset in winter gives the zones on that offset then, most populous first", () => {
  const guess = guessFromDateHeader("Tue, 1 Dec 2026 09:12:00 +0100")!;
  expect(guess.reason).toBe("Guessed from their email's time offset UTC+01:00.");
  expect(guess.likely).toEqual(expect.arrayContaining(["Europe/Berlin", "Europe/Paris", "Africa/Lagos"]));
  expect(guess.likely).not.toContain("Europe/London");
  for (const zone of guess.likely) expect(offsetMinutesAt(zone, new Date("2026-12-01T08:12:00Z"))).toBe(60);
  expect(guess.zone).toBe(guess.likely[0]);
  // Nigeria outnumbers Germany; Germany outnumbers France.
  expect(guess.likely.indexOf("Africa/Lagos")).toBeLessThan(guess.likely.indexOf("Europe/Berlin"));
  expect(guess.likely.indexOf("Europe/Berlin")).toBeLessThan(guess.likely.indexOf("Europe/Paris"));
  expect(guessFromDateHeader("Tue, 1 Dec 2026 09:12:00 +0000")?.zone).toBe("Europe/London");
  expect(guessFromDateHeader("Tue, 1 Dec 2026 09:12:00 -0500")?.zone).toBe("America/New_York");
});

test("the same offset in summer means other zones: +0100 in July is London, not Berlin", () => {
  const summer = guessFromDateHeader("Wed, 1 Jul 2026 09:12:00 +0100")!;
  expect(summer.likely).toContain("Europe/London");
  expect(summer.likely).not.toContain("Europe/Berlin");
  const berlinSummer = guessFromDateHeader("Wed, 1 Jul 2026 09:12:00 +0200")!;
  expect(berlinSummer.zone).toBe("Europe/Berlin");
  expect(guessFromDateHeader("Wed, 1 Jul 2026 09:12:00 -0400")?.zone).toBe("America/New_York");
  expect(guessFromDateHeader("Wed, 1 Jul 2026 09:12:00 -0700")?.zone).toBe("America/Los_Angeles");
});

test("half-hour offsets: +0530 is India first, then Sri Lanka", () => {
  const guess = guessFromDateHeader("Tue, 1 Dec 2026 09:12:00 +0530")!;
  expect(guess.zone).toBe("Asia/Kolkata");
  expect(guess.likely).toEqual(["Asia/Kolkata", "Asia/Colombo"]);
  expect(guessFromDateHeader("Tue, 1 Dec 2026 09:12:00 +0545")?.zone).toBe("Asia/Kathmandu");
});

test("Date headers that say nothing about the zone give no guess", () => {
  expect(dateHeaderOffset("Tue, 1 Dec 2026 09:12:00 -0000")).toBeNull();
  expect(guessFromDateHeader("not a date")).toBeNull();
  expect(guessFromDateHeader("Tue, 1 Dec 2026 09:12:00 +2500")).toBeNull();
  expect(guessFromDateHeader(undefined)).toBeNull();
  expect(dateHeaderOffset("Tue, 1 Dec 2026 09:12:00 +0100 (CET)")).toEqual({
    instant: new Date("2026-12-01T08:12:00Z"),
    offsetMinutes: 60,
  });
  expect(dateHeaderOffset("Tue, 1 Dec 2026 09:12:00 PST")?.offsetMinutes).toBe(-480);
});

test("phone and Date header together: the country narrows the offset's zones", () => {
  expect(guessTimeZone({ phone: "+1 555 555 0100", dateHeader: "Tue, 1 Dec 2026 09:12:00 -0800" })).toMatchObject({
    zone: "America/Los_Angeles",
    reason: "Guessed from the phone number's country code +1 and their email's time offset UTC-08:00.",
  });
  expect(guessTimeZone({ phone: "+61 400 000 000", dateHeader: "Wed, 1 Jul 2026 09:12:00 +0800" })?.zone).toBe(
    "Australia/Perth",
  );
  expect(guessTimeZone({ phone: "+49 30 1234567", dateHeader: "Tue, 1 Dec 2026 09:12:00 +0100" })?.zone).toBe(
    "Europe/Berlin",
  );
  expect(guessTimeZone({ phone: "+55 11 91234 5678", dateHeader: "Tue, 1 Dec 2026 09:12:00 -0400" })?.zone).toBe(
    "America/Manaus",
  );
});

test("phone and Date header disagreeing: the email's offset wins, the phone's zones stay on the list", () => {
  const guess = guessTimeZone({ phone: "+49 30 1234567", dateHeader: "Tue, 1 Dec 2026 09:12:00 -0500" })!;
  expect(guess.zone).toBe("America/New_York");
  expect(guess.likely).toContain("Europe/Berlin");
  expect(guessTimeZone({ phone: "+49 30 1234567" })?.zone).toBe("Europe/Berlin");
  expect(guessTimeZone({ dateHeader: "Tue, 1 Dec 2026 09:12:00 +0530" })?.zone).toBe("Asia/Kolkata");
  expect(guessTimeZone({})).toBeNull();
});

test("zones by offset cover every zone that kept the offset", () => {
  expect(zonesWithOffsetAt(60, new Date("2026-12-01T08:12:00Z"))).toContain("Europe/Warsaw");
  expect(zonesWithOffsetAt(330, new Date("2026-07-01T00:00:00Z"))).toEqual(["Asia/Kolkata", "Asia/Colombo"]);
});

// Country and region public holidays.
import { describe, expect, test } from "vitest";
import { HolidayImportError } from "./holiday-list";
import { holidayCountries, holidayRegions, holidaysFromCountry } from "./holiday-import";

describe("holidaysFromCountry", () => {
  test("Germany, Berlin 2026: public holidays incl. Christmas Day and Women's Day, no school or observance days", () => {
    const holidays = holidaysFromCountry({ country: "DE", region: "BE", years: [2026] });
    const dates = holidays.map((holiday) => holiday.date);
    expect(dates).toContain("2026-12-25");
    expect(dates).toContain("2026-12-26");
    expect(dates).toContain("2026-03-08");
    // Observances (Easter Sunday, Advent Sundays) and Berlin's school summer break are not holidays for a schedule.
    expect(dates).not.toContain("2026-04-05");
    expect(dates).not.toContain("2026-11-29");
    expect(dates.filter((date) => date >= "2026-07-09" && date <= "2026-08-22")).toEqual([]);
    expect(holidays.length).toBeLessThanOrEqual(12);
    expect(holidays.find((holiday) => holiday.date === "2026-12-25")).toEqual({
      date: "2026-12-25",
      name: "Christmas Day",
    });
    expect(dates).toEqual([...dates].sort());
  });

  test("Belgium 2026 includes Christmas Day and the National Holiday", () => {
    const dates = holidaysFromCountry({ country: "be", years: [2026] }).map((holiday) => holiday.date);
    expect(dates).toContain("2026-12-25");
    expect(dates).toContain("2026-07-21");
  });

  test("several years at once", () => {
    const dates = holidaysFromCountry({ country: "DE", years: [2026, 2027] }).map((holiday) => holiday.date);
    expect(dates).toContain("2026-12-25");
    expect(dates).toContain("2027-12-25");
  });

  test("unknown country or region is a HolidayImportError", () => {
    expect(() => holidaysFromCountry({ country: "XX", years: [2026] })).toThrow(HolidayImportError);
    expect(() => holidaysFromCountry({ country: "DE", region: "ZZ", years: [2026] })).toThrow(HolidayImportError);
  });

  test("holidayRegions and holidayCountries list codes with English names", () => {
    expect(holidayRegions("DE").map((region) => region.code)).toContain("BY");
    expect(holidayRegions("DE").find((region) => region.code === "BY")?.name).toMatch(/Bavaria|Bayern/);
    expect(holidayCountries()).toContainEqual({ code: "DE", name: "Germany" });
  });
});

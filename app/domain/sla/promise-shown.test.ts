import { describe, expect, it } from "vitest";
import { promiseShownAt } from "./promise-shown";
import type { SlaMetric } from "./types";

const run = (startedAt: number, stoppedAt: number | null, metric: SlaMetric = "periodic_update") => ({
  metric,
  startedAt,
  stoppedAt,
});

describe("promiseShownAt", () => {
  it("is the first touchpoint at or after the start and before the stop", () => {
    expect(promiseShownAt(run(100, 200), [50, 100, 150])).toBe(100);
    expect(promiseShownAt(run(100, 200), [50, 120, 150])).toBe(120);
  });

  it("is null without a touchpoint while the clock ran: one at the stop itself is too late", () => {
    expect(promiseShownAt(run(100, 200), [])).toBeNull();
    expect(promiseShownAt(run(100, 200), [10, 99])).toBeNull();
    expect(promiseShownAt(run(100, 200), [200, 300])).toBeNull();
  });

  it("counts any later touchpoint while the clock has not stopped", () => {
    expect(promiseShownAt(run(100, null), [10, 5000])).toBe(5000);
  });

  it("finds the first among many touchpoints", () => {
    const touchpoints = Array.from({ length: 1000 }, (_, index) => index * 10);
    expect(promiseShownAt(run(4995, 6000), touchpoints)).toBe(5000);
    expect(promiseShownAt(run(0, 1), touchpoints)).toBe(0);
    expect(promiseShownAt(run(9990, null), touchpoints)).toBe(9990);
    expect(promiseShownAt(run(9991, null), touchpoints)).toBeNull();
  });

  it("is null for clocks whose date no candidate is shown", () => {
    for (const metric of ["first_response", "next_response", "closure"] as const) {
      expect(promiseShownAt({ metric, startedAt: 100, stoppedAt: 200 }, [150])).toBeNull();
    }
    expect(promiseShownAt(run(100, 200, "stage_decision"), [150])).toBe(150);
  });
});

// The business calendar's addMinutes against moment-business-time on the same inputs: one million due dates on a
// split-shift Berlin schedule (Mon–Fri 09:00–12:00 + 13:00–17:30, 20 holidays over 2026–2027), seeded random starts
// across 2026–2027 (a tenth of them on DST days) and 1..2400 minutes. Reports both rates, their ratio (target: ours at
// least 10× faster) and how many answers differ to the minute, overall and for starts on DST days. The database the
// runner opens is not used.
import moment from "moment-timezone";
import "moment-business-time";
import { compileCalendar } from "~/domain/sla/calendar";
import type { ScheduleDefinition } from "~/domain/sla/schedule";
import { environment, measure, singleRun, type Benchmark, type BenchmarkResult, type Measurement } from "./harness";

const INPUTS = 1_000_000;
const SEED = 20_260_329;
const ZONE = "Europe/Berlin";
const TARGET_RATIO = 10;
/** moment-business-time needs about a millisecond a call: it gets this much time, on the first inputs in order. */
const MOMENT_BUDGET_MS = 150_000;
const MINUTE = 60_000;

const HOLIDAYS = [
  "2026-01-01",
  "2026-04-03",
  "2026-04-06",
  "2026-05-01",
  "2026-05-14",
  "2026-05-25",
  "2026-10-03",
  "2026-12-24",
  "2026-12-25",
  "2026-12-26",
  "2027-01-01",
  "2027-03-26",
  "2027-03-29",
  "2027-05-01",
  "2027-05-06",
  "2027-05-17",
  "2027-10-03",
  "2027-12-24",
  "2027-12-25",
  "2027-12-31",
];

/** Berlin's DST days in 2026–2027: the UTC instant of their local midnight and their length in real hours. */
const DST_DAYS = [
  { midnight: Date.parse("2026-03-29T00:00:00+01:00"), hours: 23 },
  { midnight: Date.parse("2026-10-25T00:00:00+02:00"), hours: 25 },
  { midnight: Date.parse("2027-03-28T00:00:00+01:00"), hours: 23 },
  { midnight: Date.parse("2027-10-31T00:00:00+02:00"), hours: 25 },
];
const DST_CHANGES = [
  Date.parse("2026-03-29T01:00:00Z"),
  Date.parse("2026-10-25T01:00:00Z"),
  Date.parse("2027-03-28T01:00:00Z"),
  Date.parse("2027-10-31T01:00:00Z"),
];

const SCHEDULE: ScheduleDefinition = {
  timeZone: ZONE,
  hours: (["mon", "tue", "wed", "thu", "fri"] as const).flatMap((day) => [
    { day, open: "09:00", close: "12:00" },
    { day, open: "13:00", close: "17:30" },
  ]),
  holidays: HOLIDAYS.map((date) => ({ date })),
};

/** moment-business-time adds methods to moment's prototype; it ships no types. */
type BusinessMoment = moment.Moment & { addWorkingTime(amount: number, unit: "minutes"): BusinessMoment };

function configureMomentBusinessTime() {
  const split = ["09:00:00", "12:00:00", "13:00:00", "17:30:00"];
  const locale = {
    workinghours: { 0: null, 1: split, 2: split, 3: split, 4: split, 5: split, 6: null },
    holidays: HOLIDAYS,
  };
  moment.updateLocale(moment.locale(), locale as unknown as moment.LocaleSpecification);
}

/** mulberry32: a small seeded generator, so every run uses the same inputs. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Inputs = { starts: Float64Array; minutes: Int32Array; onDstDay: Uint8Array };

function createInputs(): Inputs {
  const random = seeded(SEED);
  const first = Date.parse("2026-01-01T00:00:00+01:00");
  const minutesInRange = (Date.parse("2028-01-01T00:00:00+01:00") - first) / MINUTE;
  const inputs: Inputs = {
    starts: new Float64Array(INPUTS),
    minutes: new Int32Array(INPUTS),
    onDstDay: new Uint8Array(INPUTS),
  };
  for (let i = 0; i < INPUTS; i += 1) {
    if (random() < 0.1) {
      const day = DST_DAYS[Math.floor(random() * DST_DAYS.length)]!;
      // A DST day has 23 or 25 hours; starts stay on whole minutes of that local day.
      inputs.starts[i] = day.midnight + Math.floor(random() * day.hours * 60) * MINUTE;
      inputs.onDstDay[i] = 1;
    } else {
      const start = first + Math.floor(random() * minutesInRange) * MINUTE;
      inputs.starts[i] = start;
      inputs.onDstDay[i] = DST_DAYS.some(
        ({ midnight, hours }) => start >= midnight && start < midnight + hours * 3_600_000,
      )
        ? 1
        : 0;
    }
    inputs.minutes[i] = 1 + Math.floor(random() * 2400);
  }
  return inputs;
}

const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000);

export const calendarBenchmark: Benchmark = {
  name: "calendar",
  title: `Business calendar: ${INPUTS.toLocaleString("en")} addMinutes, ours vs moment-business-time`,
  async run(context) {
    const inputs = createInputs();
    const calendar = compileCalendar(SCHEDULE);
    const ours = new Float64Array(INPUTS);
    const oursRun = async () => {
      for (let i = 0; i < INPUTS; i += 1) ours[i] = calendar.addMinutes(inputs.starts[i]!, inputs.minutes[i]!);
    };
    const oursTiming = await measure(`ours: ${INPUTS.toLocaleString("en")} addMinutes (compiled calendar)`, oursRun, {
      runs: 10,
      warmUpRuns: 2,
    });
    const oursRate = perSecond(INPUTS, oursTiming.p50Ms);

    configureMomentBusinessTime();
    // Check the configuration on a known answer before timing: Friday 16:00 CET + 120 min = Monday 09:30 CEST.
    const check = (moment.tz("2026-03-27T16:00:00", ZONE) as BusinessMoment).addWorkingTime(120, "minutes");
    if (check.valueOf() !== Date.parse("2026-03-30T07:30:00Z")) {
      throw new Error(`moment-business-time is not configured as expected: ${check.toISOString()}`);
    }
    const theirs = new Float64Array(INPUTS);
    let momentInputs = 0;
    const started = performance.now();
    for (; momentInputs < INPUTS; momentInputs += 1) {
      const start = moment.tz(inputs.starts[momentInputs]!, ZONE) as BusinessMoment;
      theirs[momentInputs] = start.addWorkingTime(inputs.minutes[momentInputs]!, "minutes").valueOf();
      if ((momentInputs & 1023) === 1023 && performance.now() - started > MOMENT_BUDGET_MS) {
        momentInputs += 1;
        break;
      }
    }
    const momentMs = performance.now() - started;
    const momentRate = perSecond(momentInputs, momentMs);
    const ratio = Math.round((oursRate / momentRate) * 10) / 10;

    let differences = 0;
    let dstDayInputs = 0;
    let dstDayDifferences = 0;
    let acrossDstInputs = 0;
    let acrossDstDifferences = 0;
    const examples: string[] = [];
    for (let i = 0; i < momentInputs; i += 1) {
      const differs = Math.floor(ours[i]! / MINUTE) !== Math.floor(theirs[i]! / MINUTE);
      const across = DST_CHANGES.some((change) => inputs.starts[i]! < change && ours[i]! > change);
      if (differs) differences += 1;
      if (inputs.onDstDay[i]) {
        dstDayInputs += 1;
        if (differs) dstDayDifferences += 1;
      }
      if (across) {
        acrossDstInputs += 1;
        if (differs) acrossDstDifferences += 1;
      }
      if (differs && examples.length < 3) {
        examples.push(
          `${new Date(inputs.starts[i]!).toISOString()} + ${inputs.minutes[i]} min: ours ${new Date(ours[i]!).toISOString()}, moment ${new Date(theirs[i]!).toISOString()}`,
        );
      }
    }

    const momentTiming = singleRun(
      `moment-business-time: first ${momentInputs.toLocaleString("en")} inputs, once`,
      momentMs,
    );
    // Ours must take at most a tenth of moment's time for the same million inputs.
    const targetMs = Math.round((INPUTS / momentRate) * 1000) / TARGET_RATIO;
    const oursMeasurement: Measurement = {
      ...oursTiming,
      targetMs: Math.round(targetMs),
      withinTarget: ratio >= TARGET_RATIO,
    };

    const result: BenchmarkResult = {
      name: "calendar",
      title: this.title,
      target: `ours at least ${TARGET_RATIO}× moment-business-time's rate (ops/s)`,
      date: new Date().toISOString(),
      environment: environment(context.database),
      dataset: {
        inputs: INPUTS,
        schedule: "Europe/Berlin Mon–Fri 09:00–12:00 + 13:00–17:30",
        holidays: HOLIDAYS.length,
        seed: SEED,
        minutes: "1..2400 (up to about 5 business days of 7.5 h)",
        dstDayInputs: `${inputs.onDstDay.reduce((sum, value) => sum + value, 0)} of ${INPUTS}`,
        momentInputs:
          momentInputs < INPUTS
            ? `first ${momentInputs} of ${INPUTS} (a ${MOMENT_BUDGET_MS / 1000} s budget; 1 M calls would take about ${Math.round(INPUTS / momentRate / 60)} min)`
            : `all ${INPUTS}`,
        oursOpsPerSecond: oursRate,
        momentOpsPerSecond: momentRate,
        ratio,
        withinTarget: ratio >= TARGET_RATIO ? "yes" : "no",
        differencesOverall: `${differences} of ${momentInputs}`,
        differencesStartingOnDstDays: `${dstDayDifferences} of ${dstDayInputs}`,
        differencesAcrossDstChanges: `${acrossDstDifferences} of ${acrossDstInputs}`,
        differenceExamples: examples.join("; ") || "none",
      },
      measurements: [oursMeasurement, momentTiming],
      skipped: [],
    };
    return result;
  },
};

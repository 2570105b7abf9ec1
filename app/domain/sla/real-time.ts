// Calendar time: every real minute counts, whatever the time zone or DST (targets with businessHours=false).
import type { TimeLine } from "./types";

const MINUTE_MS = 60_000;

export const realTime: TimeLine = {
  addMinutes: (from, minutes) => from + minutes * MINUTE_MS,
  minutesBetween: (from, to) => (to > from ? (to - from) / MINUTE_MS : 0),
};

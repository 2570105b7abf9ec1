// The weekly trend charts: small multiples drawn as SVG on the server (visx), each an image with a spoken summary,
// and one table with every number behind them. Series differ by line style and marker shape too, never colour alone.
import { AxisBottom, AxisLeft } from "@visx/axis";
import { Group } from "@visx/group";
import { Bar, LinePath } from "@visx/shape";
import type { ReactNode } from "react";
import type { WeeklyPoint } from "~/domain/metrics/report";
import {
  formatMinutes,
  formatPercent,
  sparseTicks,
  summariseSeries,
  valueDomainMax,
  weekLabel,
  weeklyBars,
  weeklyLine,
  type ChartBox,
  type LinePoint,
  VALUE_TICKS,
} from "./chart-data";
import { CsvLink } from "./csv-link";

const BOX: ChartBox = { width: 360, height: 210, margin: { top: 20, right: 14, bottom: 28, left: 46 } };
const INK = "#1c1d21";
const PRIMARY = "#1d5c4d";
const SECOND = "#8a5300";
const TICK_LABEL = { fill: INK, fontSize: 12, fontFamily: "inherit" } as const;
const MAX_WEEK_LABELS = 5;

export function WeeklyTrends({ weekly, csvHref }: { weekly: WeeklyPoint[]; csvHref: string }) {
  const weeks = weekly.map((point) => point.weekStart);
  const applications = weekly.map((point) => point.applications);
  const medians = weekly.map((point) => point.firstResponseMedianMinutes);
  const attainment = weekly.map((point) => point.firstResponseAttainment);
  const promiseKept = weekly.map((point) => point.promiseKeptRate);
  return (
    <section className="card metrics-section" aria-labelledby="trends-heading">
      <div className="metrics-section__head">
        <h2 id="trends-heading">Weekly trends</h2>
        <CsvLink href={csvHref} label="weekly trends" />
      </div>
      <div className="metrics-charts">
        <ChartFigure
          title="Applications per week"
          summary={summariseSeries(weekly, { label: "Applications per week", values: applications, format: count })}
        >
          <ApplicationsBars weeks={weeks} values={applications} />
        </ChartFigure>
        <ChartFigure
          title="First response, median hours"
          summary={summariseSeries(weekly, {
            label: "Median time to first response",
            values: medians,
            format: formatMinutes,
          })}
        >
          <HoursLine weeks={weeks} minutes={medians} />
        </ChartFigure>
        <ChartFigure
          title="On time and promises kept, %"
          summary={`${summariseSeries(weekly, {
            label: "First responses within target",
            values: attainment,
            format: formatPercent,
          })} ${summariseSeries(weekly, { label: "Promises kept", values: promiseKept, format: formatPercent })}`}
          legend={
            <ul className="chart-legend">
              <li>
                <svg width="28" height="12" aria-hidden="true">
                  <line x1="0" y1="6" x2="28" y2="6" stroke={PRIMARY} strokeWidth="2.5" />
                  <circle cx="14" cy="6" r="3.5" fill={PRIMARY} />
                </svg>
                First response within target
              </li>
              <li>
                <svg width="28" height="12" aria-hidden="true">
                  <line x1="0" y1="6" x2="28" y2="6" stroke={SECOND} strokeWidth="2.5" strokeDasharray="6 3" />
                  <rect x="10.5" y="2.5" width="7" height="7" fill={SECOND} />
                </svg>
                Promise kept
              </li>
            </ul>
          }
        >
          <PercentLines weeks={weeks} attainment={attainment} promiseKept={promiseKept} />
        </ChartFigure>
      </div>
      <details className="disclosure metrics-data">
        <summary>Weekly numbers as a table</summary>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Weekly trends</caption>
            <thead>
              <tr>
                <th scope="col">Week of</th>
                <th scope="col" className="numeric">
                  Applications
                </th>
                <th scope="col" className="numeric">
                  First response, median
                </th>
                <th scope="col" className="numeric">
                  First response within target
                </th>
                <th scope="col" className="numeric">
                  Promises kept
                </th>
              </tr>
            </thead>
            <tbody>
              {weekly.map((point) => (
                <tr key={point.weekStart}>
                  <th scope="row">{weekLabel(point.weekStart)}</th>
                  <td className="numeric">{point.applications}</td>
                  <td className="numeric">{formatMinutes(point.firstResponseMedianMinutes)}</td>
                  <td className="numeric">{formatPercent(point.firstResponseAttainment)}</td>
                  <td className="numeric">{formatPercent(point.promiseKeptRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

function count(value: number | null): string {
  return value === null ? "no data" : String(value);
}

/** A chart with its visible title; the SVG is one image whose name is the summary (its insides are not read). */
export function ChartFigure({
  title,
  summary,
  legend,
  children,
}: {
  title: string;
  summary: string;
  legend?: ReactNode;
  children: ReactNode;
}) {
  return (
    <figure className="chart">
      <figcaption className="chart__title">{title}</figcaption>
      {legend}
      <svg
        className="chart__svg"
        viewBox={`0 0 ${BOX.width} ${BOX.height}`}
        role="img"
        aria-label={summary}
        preserveAspectRatio="xMidYMid meet"
      >
        {children}
      </svg>
    </figure>
  );
}

function WeekAxis({ weeks, scale }: { weeks: string[]; scale: ReturnType<typeof weeklyBars>["x"] }) {
  const inner = BOX.height - BOX.margin.top - BOX.margin.bottom;
  return (
    <AxisBottom
      top={inner}
      scale={scale}
      tickValues={sparseTicks(weeks, MAX_WEEK_LABELS)}
      tickFormat={(week) => weekLabel(String(week))}
      stroke={INK}
      tickStroke={INK}
      tickLabelProps={{ ...TICK_LABEL, textAnchor: "middle" }}
    />
  );
}

function ValueAxis({
  scale,
  format,
}: {
  scale: ReturnType<typeof weeklyBars>["y"];
  format: (value: number) => string;
}) {
  return (
    <AxisLeft
      scale={scale}
      numTicks={VALUE_TICKS}
      stroke={INK}
      tickStroke={INK}
      tickFormat={(value) => format(Number(value))}
      tickLabelProps={{ ...TICK_LABEL, textAnchor: "end", dx: -2, dy: "0.33em" }}
    />
  );
}

function ApplicationsBars({ weeks, values }: { weeks: string[]; values: number[] }) {
  const { x, y, bars } = weeklyBars(
    weeks.map((key, index) => ({ key, value: values[index]! })),
    BOX,
  );
  const showValues = bars.length <= 16;
  return (
    <Group left={BOX.margin.left} top={BOX.margin.top}>
      {bars.map((bar) => (
        <g key={bar.key}>
          <Bar x={bar.x} y={bar.y} width={bar.width} height={bar.height} fill={PRIMARY} />
          {showValues && bar.value > 0 ? (
            <text x={bar.x + bar.width / 2} y={bar.y - 4} textAnchor="middle" fontSize={10} fill={INK}>
              {bar.value}
            </text>
          ) : null}
        </g>
      ))}
      <ValueAxis scale={y} format={(value) => String(value)} />
      <WeekAxis weeks={weeks} scale={x} />
    </Group>
  );
}

function HoursLine({ weeks, minutes }: { weeks: string[]; minutes: (number | null)[] }) {
  const hours = minutes.map((value) => (value === null ? null : value / 60));
  const { x, y, segments } = weeklyLine(
    weeks.map((key, index) => ({ key, value: hours[index]! })),
    BOX,
    valueDomainMax(hours),
  );
  return (
    <Group left={BOX.margin.left} top={BOX.margin.top}>
      <Series segments={segments} colour={PRIMARY} marker="circle" />
      <ValueAxis scale={y} format={(value) => `${value} h`} />
      <WeekAxis weeks={weeks} scale={x} />
    </Group>
  );
}

function PercentLines({
  weeks,
  attainment,
  promiseKept,
}: {
  weeks: string[];
  attainment: (number | null)[];
  promiseKept: (number | null)[];
}) {
  const first = weeklyLine(
    weeks.map((key, index) => ({ key, value: attainment[index]! })),
    BOX,
    1,
  );
  const second = weeklyLine(
    weeks.map((key, index) => ({ key, value: promiseKept[index]! })),
    BOX,
    1,
  );
  return (
    <Group left={BOX.margin.left} top={BOX.margin.top}>
      <Series segments={first.segments} colour={PRIMARY} marker="circle" />
      <Series segments={second.segments} colour={SECOND} marker="square" dashed />
      <ValueAxis scale={first.y} format={(value) => `${Math.round(value * 100)}%`} />
      <WeekAxis weeks={weeks} scale={first.x} />
    </Group>
  );
}

function Series({
  segments,
  colour,
  marker,
  dashed = false,
}: {
  segments: LinePoint[][];
  colour: string;
  marker: "circle" | "square";
  dashed?: boolean;
}) {
  return (
    <>
      {segments.map((segment) => (
        <LinePath
          key={segment[0]!.key}
          data={segment}
          x={(point) => point.x}
          y={(point) => point.y}
          stroke={colour}
          strokeWidth={2.5}
          strokeDasharray={dashed ? "6 3" : undefined}
        />
      ))}
      {segments
        .flat()
        .map((point) =>
          marker === "circle" ? (
            <circle key={point.key} cx={point.x} cy={point.y} r={3.5} fill={colour} />
          ) : (
            <rect key={point.key} x={point.x - 3.5} y={point.y - 3.5} width={7} height={7} fill={colour} />
          ),
        )}
    </>
  );
}

// The stage funnel: how many applications reached each stage, as labelled horizontal bars (server-rendered SVG)
// with the same numbers in a table. Every bar carries its number and share in text, so nothing relies on colour.
import { Group } from "@visx/group";
import { Bar } from "@visx/shape";
import type { FunnelStep } from "~/domain/metrics/report";
import { formatPercent, funnelRows, summariseFunnel, type ChartBox } from "./chart-data";
import { CsvLink } from "./csv-link";

// A narrow drawing (scaled to the column, at most 28rem wide) with large text stays readable on a phone (about 11 px)
// without shouting on a desktop (about 16 px).
const WIDTH = 420;
const ROW_HEIGHT = 32;
const LABEL_WIDTH = 150;
const VALUE_WIDTH = 86;
const FONT_SIZE = 15;
const INK = "#1c1d21";
const BAR = "#1d5c4d";

export function StageFunnel({ funnel, csvHref }: { funnel: FunnelStep[]; csvHref: string }) {
  const box: ChartBox = {
    width: WIDTH,
    height: Math.max(1, funnel.length) * ROW_HEIGHT + 8,
    margin: { top: 4, right: VALUE_WIDTH, bottom: 4, left: LABEL_WIDTH },
  };
  const { rows } = funnelRows(funnel, box);
  return (
    <section className="card metrics-section" aria-labelledby="funnel-heading">
      <div className="metrics-section__head">
        <h2 id="funnel-heading">Stage funnel</h2>
        <CsvLink href={csvHref} label="the stage funnel" />
      </div>
      <p className="muted small">Applications in this period that reached each stage, in pipeline order.</p>
      {rows.length === 0 ? (
        <p>No stages to show for these filters.</p>
      ) : (
        <svg
          className="chart__svg chart__svg--funnel"
          viewBox={`0 0 ${box.width} ${box.height}`}
          role="img"
          aria-label={summariseFunnel(funnel)}
        >
          <Group top={box.margin.top}>
            {rows.map((row) => (
              <g key={`${row.stageName}-${row.y}`}>
                <text
                  x={LABEL_WIDTH - 8}
                  y={row.y + row.height / 2}
                  dy="0.33em"
                  textAnchor="end"
                  fontSize={FONT_SIZE}
                  fill={INK}
                >
                  {truncate(row.stageName, 17)}
                </text>
                <Bar x={LABEL_WIDTH} y={row.y} width={Math.max(row.width, 1)} height={row.height} fill={BAR} />
                <text
                  x={LABEL_WIDTH + row.width + 6}
                  y={row.y + row.height / 2}
                  dy="0.33em"
                  fontSize={FONT_SIZE}
                  fill={INK}
                >
                  {row.share === null ? row.reached : `${row.reached} · ${formatPercent(row.share)}`}
                </text>
              </g>
            ))}
          </Group>
        </svg>
      )}
      <details className="disclosure metrics-data">
        <summary>Funnel numbers as a table</summary>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Stage funnel</caption>
            <thead>
              <tr>
                <th scope="col">Stage</th>
                <th scope="col" className="numeric">
                  Reached
                </th>
                <th scope="col" className="numeric">
                  Share of the first stage
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.stageName}-${row.y}`}>
                  <th scope="row">{row.stageName}</th>
                  <td className="numeric">{row.reached}</td>
                  <td className="numeric">{formatPercent(row.share)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

// A key figure's small trend: eight weekly bars drawn as inline SVG on the server, with its text alternative (every
// week's value in words) as the image's name. A week without data is a flat grey marker, never a bar of zero.
import { trendBars, trendSummary } from "~/domain/metrics/trend";

const BOX = { width: 88, height: 28 };

export function TrendBars({
  values,
  format,
  max,
}: {
  values: (number | null)[];
  format: (value: number) => string;
  /** The top of the scale (1 for rates); the largest value otherwise. */
  max?: number;
}) {
  const summary = trendSummary(values, format);
  return (
    <svg
      className="trend"
      viewBox={`0 0 ${BOX.width} ${BOX.height}`}
      width={BOX.width}
      height={BOX.height}
      role="img"
      aria-label={summary}
    >
      <title>{summary}</title>
      {trendBars(values, BOX, max).map((bar, index) => (
        <rect
          key={index}
          x={bar.x}
          y={bar.y}
          width={bar.width}
          height={bar.height}
          className={bar.empty ? "trend__empty" : index === values.length - 1 ? "trend__last" : undefined}
        />
      ))}
    </svg>
  );
}

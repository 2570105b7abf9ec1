// Candidates beside customers (Importance parity): per group, the three comparable metrics with both sides'
// attainment and median, the Importance Index and the plain-language verdict. A real table: the caption names it,
// column groups say which side a figure belongs to, and each group's rows are headed by the group's name.
import { Link } from "@remix-run/react";
import { formatDuration } from "~/domain/metrics/figures";
import {
  CUSTOMER_METRIC_LABELS,
  formatFactor,
  formatPercent,
  type CustomerMetricName,
} from "~/domain/metrics/importance";

type Figures = { attainment: number | null; medianMinutes: number | null; targetMinutes: number | null };

/** The shape of app/models/metrics/parity.server.ts's rows as they reach the browser (dates as text). */
export type ParityTableRow = {
  key: string | null;
  label: string;
  metrics: {
    metric: CustomerMetricName;
    candidate: Figures & { count: number };
    customer: Figures | null;
    attainmentIndex: number | null;
    medianRatio: number | null;
    verdict: string;
    attainmentSentence: string;
  }[];
};

type Props = {
  rows: ParityTableRow[];
  caption?: string;
  /** What the groups are ("Department", "Job", "Recruiter"); without it the rows are the whole workspace. */
  groupLabel?: string;
  /** Where customer figures are entered, linked when none are. */
  benchmarksHref?: string;
};

const NONE = "—";

function percent(value: number | null) {
  return value === null ? NONE : formatPercent(value);
}

function minutes(value: number | null) {
  return value === null ? NONE : formatDuration(value);
}

function index(value: number | null) {
  return value === null ? NONE : value.toFixed(2);
}

function factor(value: number | null) {
  return value === null ? NONE : formatFactor(value);
}

function MetricCells({ item }: { item: ParityTableRow["metrics"][number] }) {
  return (
    <>
      <th scope="row">{CUSTOMER_METRIC_LABELS[item.metric]}</th>
      <td className="numeric">{percent(item.candidate.attainment)}</td>
      <td className="numeric">{percent(item.customer?.attainment ?? null)}</td>
      <td className="numeric">{index(item.attainmentIndex)}</td>
      <td className="numeric">{minutes(item.candidate.medianMinutes)}</td>
      <td className="numeric">{minutes(item.customer?.medianMinutes ?? null)}</td>
      <td className="numeric">{factor(item.medianRatio)}</td>
      <td>
        {item.verdict}.<br />
        <span className="muted small">{item.attainmentSentence}.</span>
      </td>
    </>
  );
}

export function ParityTable({
  rows,
  caption = "Candidates compared with customers",
  groupLabel,
  benchmarksHref = "/settings/customer-benchmarks",
}: Props) {
  const grouped = Boolean(groupLabel);
  const noCustomerFigures = rows.every((row) => row.metrics.every((item) => item.customer === null));
  return (
    <div className="stack">
      <div className="table-wrap">
        <table>
          <caption>
            {caption}
            <span className="muted small">
              {" "}
              — Index: candidate attainment ÷ customer attainment (1.00 is parity). Ratio: candidate median ÷ customer
              median (above 1× means candidates wait longer). — means no data.
            </span>
          </caption>
          <colgroup>
            {grouped ? <col /> : null}
            <col />
          </colgroup>
          <colgroup span={3} />
          <colgroup span={3} />
          <colgroup span={1} />
          <thead>
            <tr>
              {grouped ? (
                <th scope="col" rowSpan={2}>
                  {groupLabel}
                </th>
              ) : null}
              <th scope="col" rowSpan={2}>
                Metric
              </th>
              <th scope="colgroup" colSpan={3}>
                Attainment
              </th>
              <th scope="colgroup" colSpan={3}>
                Median time
              </th>
              <th scope="col" rowSpan={2}>
                Verdict
              </th>
            </tr>
            <tr>
              <th scope="col">Candidates</th>
              <th scope="col">Customers</th>
              <th scope="col">Index</th>
              <th scope="col">Candidates</th>
              <th scope="col">Customers</th>
              <th scope="col">Ratio</th>
            </tr>
          </thead>
          {rows.length === 0 ? (
            <tbody>
              <tr>
                <td colSpan={grouped ? 9 : 8} className="muted">
                  No candidates in this period.
                </td>
              </tr>
            </tbody>
          ) : (
            rows.map((row) => (
              <tbody key={row.key ?? "none"}>
                {row.metrics.map((item, position) => (
                  <tr key={item.metric}>
                    {grouped && position === 0 ? (
                      <th scope="rowgroup" rowSpan={row.metrics.length}>
                        {row.label}
                      </th>
                    ) : null}
                    <MetricCells item={item} />
                  </tr>
                ))}
              </tbody>
            ))
          )}
        </table>
      </div>
      {noCustomerFigures ? (
        <p className="muted small">
          No customer figures yet. <Link to={benchmarksHref}>Enter your support team’s figures</Link> to compare.
        </p>
      ) : (
        <p className="muted small">
          <Link to={benchmarksHref}>Customer figures</Link> as entered by an admin.
        </p>
      )}
    </div>
  );
}

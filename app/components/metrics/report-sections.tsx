// The dashboard's figures as cards and tables. Every figure links to the applications behind it (its drill-down, with
// the same filters) and every table offers its CSV. `search` is the filters' query string ("?from=…").
import { Link } from "@remix-run/react";
import { drillDownSlug, type DrillDown } from "~/domain/metrics/drill-downs";
import { SLA_METRIC_LABELS, SLA_METRICS } from "~/domain/sla/types";
import { CsvLink } from "./csv-link";
import { duration, frictionLabel, percent, type DashboardReport, type ReportTableName } from "./dashboard-figures";

export function drillDownHref(drillDown: DrillDown, search: string): string {
  return `/metrics/${drillDownSlug(drillDown)}${search}`;
}

export function exportHref(table: ReportTableName | DrillDown, search: string): string {
  return `/metrics/export/${typeof table === "string" ? table : drillDownSlug(table)}${search}`;
}

function SectionHead({
  id,
  title,
  table,
  search,
}: {
  id: string;
  title: string;
  table: ReportTableName;
  search: string;
}) {
  return (
    <div className="metrics-section__head">
      <h2 id={id}>{title}</h2>
      <CsvLink href={exportHref(table, search)} label={title.toLowerCase()} />
    </div>
  );
}

export function SlaTable({ report, search }: { report: DashboardReport; search: string }) {
  return (
    <section className="card metrics-section" aria-labelledby="sla-heading">
      <SectionHead id="sla-heading" title="Promises kept, by kind" table="sla-attainment" search={search} />
      <div className="table-wrap">
        <table className="table--stack">
          <caption className="visually-hidden">SLA attainment per promise</caption>
          <thead>
            <tr>
              <th scope="col">Promise</th>
              <th scope="col" className="numeric">
                On time
              </th>
              <th scope="col" className="numeric">
                Late
              </th>
              <th scope="col" className="numeric">
                Median
              </th>
              <th scope="col" className="numeric">
                90th percentile
              </th>
              <th scope="col" className="numeric">
                Overdue now
              </th>
            </tr>
          </thead>
          <tbody>
            {SLA_METRICS.map((metric) => {
              const figures = report.sla[metric];
              return (
                <tr key={metric}>
                  <th scope="row">{SLA_METRIC_LABELS[metric]}</th>
                  <td data-label="On time" className="numeric">
                    <strong>{percent(figures.attainment)}</strong>{" "}
                    <span className="muted small">
                      ({figures.met} of {figures.met + figures.breached})
                    </span>
                  </td>
                  <td data-label="Late" className="numeric">
                    <Link to={drillDownHref({ kind: "breached", metric }, search)}>
                      {figures.breached}
                      <span className="visually-hidden"> late: {SLA_METRIC_LABELS[metric]}</span>
                    </Link>
                  </td>
                  <td data-label="Median" className="numeric">
                    {duration(figures.medianMinutes)}
                  </td>
                  <td data-label="90th percentile" className="numeric">
                    {duration(figures.p90Minutes)}
                  </td>
                  <td data-label="Overdue now" className="numeric">
                    {figures.breachedNow}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted small">
        On time = met ÷ (met + late); clocks still running past their due date count as late. Overdue now: open promises
        past due today — <Link to={drillDownHref({ kind: "breached_now" }, search)}>see who is waiting</Link>.
      </p>
    </section>
  );
}

export function TimeInStageTable({ report, search }: { report: DashboardReport; search: string }) {
  return (
    <section className="card metrics-section" aria-labelledby="stages-heading">
      <SectionHead id="stages-heading" title="Time in stage" table="time-in-stage" search={search} />
      {report.timeInStage.length === 0 ? (
        <p>No stage stays to measure for these filters.</p>
      ) : (
        <div className="table-wrap">
          <table className="table--stack">
            <caption className="visually-hidden">Time in stage, median and 90th percentile</caption>
            <thead>
              <tr>
                <th scope="col">Stage</th>
                <th scope="col" className="numeric">
                  Median
                </th>
                <th scope="col" className="numeric">
                  90th percentile
                </th>
                <th scope="col" className="numeric">
                  Stays measured
                </th>
              </tr>
            </thead>
            <tbody>
              {report.timeInStage.map((stage) => (
                <tr key={`${stage.position}-${stage.stageName}`}>
                  <th scope="row">{stage.stageName}</th>
                  <td data-label="Median" className="numeric">
                    {duration(stage.medianMinutes)}
                  </td>
                  <td data-label="90th percentile" className="numeric">
                    {duration(stage.p90Minutes)}
                  </td>
                  <td data-label="Stays measured" className="numeric">
                    {stage.count}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted small">
        <Link to={drillDownHref({ kind: "applications" }, search)}>See the applications</Link> behind these stays.
      </p>
    </section>
  );
}

export function DecisionOwnersTable({ report, search }: { report: DashboardReport; search: string }) {
  return (
    <section className="card metrics-section" aria-labelledby="owed-heading">
      <SectionHead id="owed-heading" title="Decisions owed, by whom" table="decision-owners" search={search} />
      {report.decisionsOwed.length === 0 ? (
        <p>Nobody is waiting on a stage decision.</p>
      ) : (
        <div className="table-wrap">
          <table className="table--stack">
            <caption className="visually-hidden">Stage decisions owed per hiring manager</caption>
            <thead>
              <tr>
                <th scope="col">Owner</th>
                <th scope="col" className="numeric">
                  Decisions owed
                </th>
                <th scope="col" className="numeric">
                  Longest wait
                </th>
              </tr>
            </thead>
            <tbody>
              {report.decisionsOwed.map((owner) => (
                <tr key={owner.ownerId ?? "none"}>
                  <th scope="row">{owner.ownerName ?? "No hiring manager"}</th>
                  <td data-label="Decisions owed" className="numeric">
                    {owner.count}
                  </td>
                  <td data-label="Longest wait" className="numeric">
                    {duration(owner.oldestWaitingMinutes)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted small">
        <Link to={drillDownHref({ kind: "decisions_owed" }, search)}>See the applications</Link> or{" "}
        <Link to="/decisions">open the decisions owed list</Link>, oldest first.
      </p>
    </section>
  );
}

export function CandidateVoice({ report, search }: { report: DashboardReport; search: string }) {
  const { candidateNps: nps, friction } = report;
  const tags = Object.entries(friction.byTag).sort(([, a], [, b]) => b - a);
  return (
    <section className="card metrics-section" aria-labelledby="voice-heading">
      <SectionHead id="voice-heading" title="What candidates say" table="friction-tags" search={search} />
      {nps.responses === 0 ? (
        <p>No candidate has answered the survey in this period yet, so there is no NPS or friction to show.</p>
      ) : (
        <p>
          Candidate NPS <strong>{nps.score === null ? "–" : Math.round(nps.score)}</strong> from {nps.responses}{" "}
          {nps.responses === 1 ? "response" : "responses"} ({nps.promoters} promoters,{" "}
          <Link to={drillDownHref({ kind: "detractors" }, search)}>{nps.detractors} detractors</Link>). Friction
          reported <strong>{friction.per100 === null ? "–" : Math.round(friction.per100 * 10) / 10}</strong> times per
          100 candidates who answered —{" "}
          <Link to={drillDownHref({ kind: "friction" }, search)}>see who reported it</Link>.
        </p>
      )}
      {tags.length === 0 ? null : (
        <div className="table-wrap">
          <table className="table--stack">
            <caption className="visually-hidden">Friction reported, by kind</caption>
            <thead>
              <tr>
                <th scope="col">What got in the way</th>
                <th scope="col" className="numeric">
                  Reports
                </th>
              </tr>
            </thead>
            <tbody>
              {tags.map(([tag, count]) => (
                <tr key={tag}>
                  <th scope="row">{frictionLabel(tag)}</th>
                  <td data-label="Reports" className="numeric">
                    {count}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

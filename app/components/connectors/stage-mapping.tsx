// The ATS stages a connector mapped to Hearback stages, each with the kind guessed from its name and a form to correct
// it (the job's clocks are then rebuilt).
import { Form, Link } from "@remix-run/react";
import { STAGE_KIND_LABELS, STAGE_KINDS } from "~/domain/jobs";
import type { MappedStage } from "~/models/connectors/connectors.server";

export type StageKindAnswer = { stageId: string; error: string };

export function StageMapping({
  stages,
  refused,
  busy,
}: {
  stages: MappedStage[];
  /** The row whose correction was refused, and why. */
  refused?: StageKindAnswer;
  /** The stage whose correction is on its way. */
  busy?: string;
}) {
  if (stages.length === 0) {
    return <p className="muted">No stages yet: they appear as the ATS reports applications in them.</p>;
  }
  return (
    <div className="table-wrap">
      <table className="table--stack">
        <thead>
          <tr>
            <th scope="col">Job</th>
            <th scope="col">ATS stage</th>
            <th scope="col">Kind of stage</th>
          </tr>
        </thead>
        <tbody>
          {stages.map((stage) => {
            const selectId = `stage-kind-${stage.stageId}`;
            const error = refused?.stageId === stage.stageId ? refused.error : undefined;
            return (
              <tr key={stage.stageId}>
                <td data-label="Job">
                  <Link to={`/jobs/${stage.jobId}`}>{stage.jobTitle}</Link>
                </td>
                <th scope="row">{stage.stageName}</th>
                <td data-label="Kind">
                  <Form method="post" className="inline-form inline-form--compact">
                    <input type="hidden" name="intent" value="stage-kind" />
                    <input type="hidden" name="stageId" value={stage.stageId} />
                    <label htmlFor={selectId} className="visually-hidden">
                      Kind of “{stage.stageName}” on {stage.jobTitle}
                    </label>
                    <select
                      id={selectId}
                      name="kind"
                      defaultValue={stage.kind}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${selectId}-error` : undefined}
                    >
                      {STAGE_KINDS.map((kind) => (
                        <option key={kind} value={kind}>
                          {STAGE_KIND_LABELS[kind]}
                        </option>
                      ))}
                    </select>
                    <button
                      type="submit"
                      className="button button--secondary button--small"
                      disabled={busy === stage.stageId}
                      aria-label={`Save the kind of “${stage.stageName}” on ${stage.jobTitle}`}
                    >
                      Save
                    </button>
                    {error ? (
                      <span id={`${selectId}-error`} className="field-error">
                        {error}
                      </span>
                    ) : null}
                  </Form>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

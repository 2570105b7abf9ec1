// The pipeline board. Every card has a "Move to" form that works without JavaScript and by keyboard; with JavaScript
// the same move is also possible by drag and drop, shown at once (optimistic) and announced in a live region.
// With a selection (bulk rejection), every card also has a checkbox that belongs to that form by its `form` attribute.
import { Link, useFetcher, useFetchers, useSubmit } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState, type DragEvent, type MutableRefObject } from "react";
import { applyPendingMoves, cardsByStage, type PendingMove } from "~/domain/board";
import { wholeDaysBetween } from "~/domain/local-time";
import type { BoardSelection } from "~/components/bulk-rejection-bar";
import { ClockBadge, type BadgeClock } from "~/components/sla/clock-badge";
import { useHydrated } from "~/components/ui/use-hydrated";

export type BoardStage = { id: string; name: string; kind: string };
export type BoardCardData = {
  id: string;
  stageId: string;
  candidateName: string;
  appliedAt: Date;
  waitingSince: Date;
  /** The soonest open SLA clock, if any. */
  clock?: BadgeClock | null;
};
export type MoveResult = { ok: boolean; message: string };

const DRAG_TYPE = "application/x-hearback-application";
const moveKey = (applicationId: string) => `move:${applicationId}`;

type BoardProps = {
  stages: BoardStage[];
  cards: BoardCardData[];
  counts: Record<string, number>;
  canMove: boolean;
  now: Date;
  expandedStageId: string | null;
  /** The result of a move posted without JavaScript (the page's action data). */
  serverResult?: MoveResult;
  /** Cards can be ticked for a bulk action (people who may decide). */
  selection?: BoardSelection;
};

export function Board({ stages, cards, counts, canMove, now, expandedStageId, serverResult, selection }: BoardProps) {
  const fetchers = useFetchers();
  const submit = useSubmit();
  const [announcement, setAnnouncement] = useState<MoveResult | null>(serverResult ?? null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const interactive = useHydrated();
  const announced = useRef(new WeakSet<object>());
  const focusAfterMoveRef = useRef<string | null>(null);

  const pendingMoves: PendingMove[] = fetchers.flatMap((fetcher) => {
    if (!fetcher.key.startsWith("move:") || !fetcher.formData) return [];
    const applicationId = fetcher.formData.get("applicationId");
    const stageId = fetcher.formData.get("stageId");
    return typeof applicationId === "string" && typeof stageId === "string" ? [{ applicationId, stageId }] : [];
  });
  const shown = applyPendingMoves(cards, counts, pendingMoves);
  const columns = cardsByStage(
    stages.map((stage) => stage.id),
    shown.cards,
  );

  const announce = useCallback((result: MoveResult) => {
    if (announced.current.has(result)) return;
    announced.current.add(result);
    setAnnouncement(result);
  }, []);

  function moveTo(applicationId: string, stageId: string) {
    focusAfterMoveRef.current = applicationId;
    submit(
      { intent: "move", applicationId, stageId },
      { method: "post", navigate: false, fetcherKey: moveKey(applicationId), preventScrollReset: true },
    );
  }

  function onDragOver(event: DragEvent, stageId: string) {
    if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    if (dropTarget !== stageId) setDropTarget(stageId);
  }

  function onDrop(event: DragEvent, stageId: string) {
    event.preventDefault();
    setDropTarget(null);
    const applicationId = event.dataTransfer.getData(DRAG_TYPE);
    const card = shown.cards.find((candidate) => candidate.id === applicationId);
    if (card && card.stageId !== stageId) moveTo(applicationId, stageId);
  }

  return (
    <>
      <div
        role="status"
        className={announcement ? `board-status alert alert--${announcement.ok ? "success" : "error"}` : "board-status"}
      >
        {announcement?.message}
      </div>
      <p className="muted small board-help">
        “Waiting” counts the days since the candidate last heard from us.
        {canMove ? " Move a card with its “Move to” list, or drag it to another stage." : null}
        {selection ? " Tick cards to reject several candidates at once." : null}
      </p>
      <div className="board" role="region" aria-label="Pipeline stages">
        {stages.map((stage) => {
          const stageCards = columns.get(stage.id) ?? [];
          const total = shown.counts[stage.id] ?? stageCards.length;
          const expanded = expandedStageId === stage.id;
          const headingId = `stage-${stage.id}-heading`;
          return (
            <section
              key={stage.id}
              className="board-column"
              aria-labelledby={headingId}
              data-drop-target={dropTarget === stage.id ? "true" : undefined}
              onDragOver={canMove ? (event) => onDragOver(event, stage.id) : undefined}
              onDragLeave={
                canMove
                  ? (event) => {
                      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropTarget(null);
                    }
                  : undefined
              }
              onDrop={canMove ? (event) => onDrop(event, stage.id) : undefined}
            >
              <h2 id={headingId}>
                <span>{stage.name}</span>
                <span className="board-count">
                  {total}
                  <span className="visually-hidden"> {total === 1 ? "application" : "applications"}</span>
                </span>
              </h2>
              {selection && interactive && stageCards.length > 0 ? (
                <SelectStage
                  stageName={stage.name}
                  applicationIds={stageCards.map((card) => card.id)}
                  selection={selection}
                />
              ) : null}
              {stageCards.length === 0 ? (
                <p className="muted small">No active applications.</p>
              ) : (
                <ul className="board-cards">
                  {stageCards.map((card) => (
                    <BoardCard
                      key={card.id}
                      card={card}
                      stages={stages}
                      canMove={canMove}
                      draggable={canMove && interactive}
                      now={now}
                      onResult={announce}
                      focusAfterMoveRef={focusAfterMoveRef}
                      selection={selection}
                    />
                  ))}
                </ul>
              )}
              {total > stageCards.length ? (
                <p className="board-more">
                  <Link to={`?stage=${stage.id}&all=1`} preventScrollReset>
                    Show all {total}
                    <span className="visually-hidden"> in {stage.name}</span>
                  </Link>
                </p>
              ) : expanded ? (
                <p className="board-more">
                  <Link to="." preventScrollReset>
                    Show fewer<span className="visually-hidden"> in {stage.name}</span>
                  </Link>
                </p>
              ) : null}
            </section>
          );
        })}
      </div>
    </>
  );
}

/** "Select all" for the cards shown in one stage (JavaScript only), or "Clear" once they all are. */
function SelectStage({
  stageName,
  applicationIds,
  selection,
}: {
  stageName: string;
  applicationIds: string[];
  selection: BoardSelection;
}) {
  const allSelected = applicationIds.every((id) => selection.isSelected(id));
  return (
    <p className="board-select-stage">
      <button
        type="button"
        className="button--link small"
        onClick={() => selection.toggle(applicationIds, !allSelected)}
      >
        {allSelected ? "Clear selection" : "Select all"}
        <span className="visually-hidden"> in {stageName}</span>
      </button>
    </p>
  );
}

type BoardCardProps = {
  card: BoardCardData;
  stages: BoardStage[];
  canMove: boolean;
  draggable: boolean;
  now: Date;
  onResult(result: MoveResult): void;
  focusAfterMoveRef: MutableRefObject<string | null>;
  selection?: BoardSelection;
};

function BoardCard({ card, stages, canMove, draggable, now, onResult, focusAfterMoveRef, selection }: BoardCardProps) {
  const fetcher = useFetcher<MoveResult>({ key: moveKey(card.id) });
  const select = useRef<HTMLSelectElement>(null);
  const waitingDays = wholeDaysBetween(new Date(card.waitingSince), new Date(now));
  const selectId = `move-${card.id}`;
  const checkboxId = `select-${card.id}`;

  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data) onResult(fetcher.data);
  }, [fetcher.state, fetcher.data, onResult]);

  // A card moved by keyboard reappears in another column: give focus back to its "Move to" list.
  useEffect(() => {
    if (focusAfterMoveRef.current === card.id) {
      focusAfterMoveRef.current = null;
      select.current?.focus();
    }
  }, [card.id, focusAfterMoveRef]);

  return (
    <li
      className="board-card"
      draggable={draggable || undefined}
      onDragStart={
        draggable
          ? (event) => {
              event.dataTransfer.setData(DRAG_TYPE, card.id);
              event.dataTransfer.effectAllowed = "move";
            }
          : undefined
      }
    >
      <div className="board-card__head">
        {selection ? (
          <>
            <input
              type="checkbox"
              id={checkboxId}
              className="board-card__select"
              name="applicationIds"
              value={card.id}
              form={selection.formId}
              checked={selection.isSelected(card.id)}
              onChange={(event) => selection.toggle([card.id], event.currentTarget.checked)}
            />
            <label htmlFor={checkboxId} className="visually-hidden">
              Select {card.candidateName}
            </label>
          </>
        ) : null}
        <Link to={`/applications/${card.id}`} className="board-card__name">
          {card.candidateName}
        </Link>
      </div>
      <p className="board-card__meta">
        Applied{" "}
        <time dateTime={new Date(card.appliedAt).toISOString()}>
          {new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(card.appliedAt))}
        </time>
        <br />
        <span className={waitingDays >= 3 ? "waiting waiting--long" : "waiting"}>
          {waitingDays === 0
            ? "Waiting less than a day"
            : `Waiting ${waitingDays} ${waitingDays === 1 ? "day" : "days"}`}
        </span>
      </p>
      {card.clock ? (
        <p className="board-card__clock">
          <ClockBadge clock={card.clock} now={now} />
        </p>
      ) : null}
      {canMove ? (
        <fetcher.Form
          method="post"
          className="move-form"
          preventScrollReset
          onSubmit={() => {
            focusAfterMoveRef.current = card.id;
          }}
        >
          <input type="hidden" name="intent" value="move" />
          <input type="hidden" name="applicationId" value={card.id} />
          <label htmlFor={selectId}>
            Move <span className="visually-hidden">{card.candidateName} </span>to
          </label>
          <select id={selectId} name="stageId" defaultValue={card.stageId} ref={select}>
            {stages.map((stage) => (
              <option key={stage.id} value={stage.id}>
                {stage.name}
              </option>
            ))}
          </select>
          <button type="submit" className="button button--secondary button--small">
            Move
          </button>
        </fetcher.Form>
      ) : null}
    </li>
  );
}

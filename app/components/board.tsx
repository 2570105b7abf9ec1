// The pipeline board. Every card has a compact "Move to…" menu of stage buttons (one form, each button a submit),
// rendered only when opened so a long board stays light: in place with JavaScript, and without it by opening the board
// again with that card's menu open (`?move=`, through one GET form per board). With JavaScript the same move is also possible by drag and drop,
// shown at once (optimistic) and announced in a live region. With a selection (bulk rejection), every card also has a
// checkbox that belongs to that form by its `form` attribute. The filter bar above it is a plain GET form.
import { Form, Link, useFetcher, useFetchers, useLocation, useSubmit } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState, type DragEvent, type MutableRefObject } from "react";
import { applyPendingMoves, type PendingMove } from "~/domain/board";
import {
  BOARD_OWED_FILTERS,
  BOARD_OWED_LABELS,
  boardSearch,
  CLOSED_COLUMN_LABELS,
  CLOSED_COLUMNS,
  isFiltered,
  NO_SOURCE,
  type BoardFilters,
  type ClosedColumn,
} from "~/domain/board-filters";
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
  /** Rejected or hired: shown in its own column, without a move menu; null while active. */
  closed: ClosedColumn | null;
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
  filters: BoardFilters;
  canMove: boolean;
  now: Date;
  expandedStageId: string | null;
  /** The result of a move posted without JavaScript (the page's action data). */
  serverResult?: MoveResult;
  /** Cards can be ticked for a bulk action (people who may decide). */
  selection?: BoardSelection;
};

export function Board({
  stages,
  cards,
  counts,
  filters,
  canMove,
  now,
  expandedStageId,
  serverResult,
  selection,
}: BoardProps) {
  const fetchers = useFetchers();
  const submit = useSubmit();
  const location = useLocation();
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
  const columnList: BoardColumn[] = [
    ...stages.map((stage) => ({ key: stage.id, name: stage.name, closed: false })),
    ...(filters.showClosed
      ? CLOSED_COLUMNS.map((status) => ({ key: status, name: CLOSED_COLUMN_LABELS[status], closed: true }))
      : []),
  ];
  const columns = new Map<string, BoardCardData[]>(columnList.map((column) => [column.key, []]));
  for (const card of shown.cards) columns.get(card.closed ?? card.stageId)?.push(card);
  const filtered = isFiltered(filters);

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
    if (card && !card.closed && card.stageId !== stageId) moveTo(applicationId, stageId);
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
        {canMove ? " Move a card with its “Move to…” menu, or drag it to another stage." : null}
        {selection ? " Tick cards to reject several candidates at once." : null}
      </p>
      {canMove ? <MoveMenuForm search={location.search} /> : null}
      {/* Focusable so keyboard users can scroll it sideways; the shadows at its edges show there is more. */}
      <div
        className="board"
        role="region"
        aria-label={`Pipeline stages, ${columnList.length} columns; scroll sideways for more`}
        // A scrolling region must be reachable by keyboard to scroll it (WCAG 2.1.1); it has a name and a role.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
      >
        {columnList.map((stage) => {
          const stageCards = columns.get(stage.key) ?? [];
          const total = shown.counts[stage.key] ?? stageCards.length;
          const expanded = expandedStageId === stage.key;
          const headingId = `stage-${stage.key}-heading`;
          const droppable = canMove && !stage.closed;
          return (
            <section
              key={stage.key}
              className={stage.closed ? "board-column board-column--closed" : "board-column"}
              aria-labelledby={headingId}
              data-drop-target={dropTarget === stage.key ? "true" : undefined}
              onDragOver={droppable ? (event) => onDragOver(event, stage.key) : undefined}
              onDragLeave={
                droppable
                  ? (event) => {
                      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropTarget(null);
                    }
                  : undefined
              }
              onDrop={droppable ? (event) => onDrop(event, stage.key) : undefined}
            >
              <h2 id={headingId}>
                <span>{stage.name}</span>
                <span className="board-count">
                  {total}
                  <span className="visually-hidden"> {total === 1 ? "application" : "applications"}</span>
                </span>
              </h2>
              {selection && interactive && !stage.closed && stageCards.length > 0 ? (
                <SelectStage
                  stageName={stage.name}
                  applicationIds={stageCards.map((card) => card.id)}
                  selection={selection}
                />
              ) : null}
              {stageCards.length === 0 ? (
                <p className="muted small">
                  {filtered ? "No matching applications." : stage.closed ? "None." : "No active applications."}
                </p>
              ) : (
                <ul className="board-cards">
                  {stageCards.map((card) => (
                    <BoardCard
                      key={card.id}
                      card={card}
                      stages={stages}
                      canMove={canMove && !card.closed}
                      draggable={canMove && interactive && !card.closed}
                      now={now}
                      onResult={announce}
                      focusAfterMoveRef={focusAfterMoveRef}
                      selection={card.closed ? undefined : selection}
                    />
                  ))}
                </ul>
              )}
              {total > stageCards.length ? (
                <p className="board-more">
                  <Link to={boardSearch(filters, stage.key)} preventScrollReset>
                    Show all {total}
                    <span className="visually-hidden"> in {stage.name}</span>
                  </Link>
                </p>
              ) : expanded ? (
                <p className="board-more">
                  <Link to={boardSearch(filters) || "."} preventScrollReset>
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
  const location = useLocation();
  const movingHere = new URLSearchParams(location.search).get("move") === card.id;
  const [menuOpen, setMenuOpen] = useState(movingHere);
  const toggle = useRef<HTMLButtonElement>(null);
  const waitingDays = wholeDaysBetween(new Date(card.waitingSince), new Date(now));
  const currentStage = stages.find((stage) => stage.id === card.stageId);
  const menuId = `move-${card.id}`;

  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data) onResult(fetcher.data);
  }, [fetcher.state, fetcher.data, onResult]);

  // A card moved by keyboard reappears in another column: give focus back to its "Move to…" button.
  useEffect(() => {
    if (focusAfterMoveRef.current === card.id) {
      focusAfterMoveRef.current = null;
      toggle.current?.focus();
    }
  }, [card.id, focusAfterMoveRef]);

  return (
    <li
      id={`card-${card.id}`}
      className={card.closed ? `board-card board-card--${card.closed}` : "board-card"}
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
          <input
            type="checkbox"
            aria-label={`Select ${card.candidateName}`}
            className="board-card__select"
            name="applicationIds"
            value={card.id}
            form={selection.formId}
            checked={selection.isSelected(card.id)}
            onChange={(event) => selection.toggle([card.id], event.currentTarget.checked)}
          />
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
        {card.closed ? (
          <>
            <br />
            Last stage: {currentStage?.name ?? "an archived stage"}
          </>
        ) : (
          <>
            <br />
            <span className={waitingDays >= 3 ? "waiting waiting--long" : "waiting"}>
              {waitingDays === 0
                ? "Waiting less than a day"
                : `Waiting ${waitingDays} ${waitingDays === 1 ? "day" : "days"}`}
            </span>
          </>
        )}
      </p>
      {card.clock && !card.closed ? (
        <p className="board-card__clock">
          <ClockBadge clock={card.clock} now={now} />
        </p>
      ) : null}
      {canMove ? (
        // Escape closes an open menu from its button or any of its stages, and gives focus back to the button.
        // eslint-disable-next-line jsx-a11y/no-static-element-interactions
        <div
          className="move-menu"
          onKeyDown={(event) => {
            if (event.key !== "Escape" || !menuOpen) return;
            setMenuOpen(false);
            toggle.current?.focus();
          }}
        >
          {/* One button before and after hydration. Without JavaScript it submits the board's GET form with
              `move` set, which opens the board again with this card's menu open; with JavaScript it opens in place. */}
          <button
            ref={toggle}
            type="submit"
            form={MOVE_MENU_FORM}
            name="move"
            value={card.id}
            formAction={`#card-${card.id}`}
            className="move-menu__toggle"
            aria-expanded={menuOpen}
            aria-controls={menuOpen ? menuId : undefined}
            onClick={(event) => {
              event.preventDefault();
              setMenuOpen((open) => !open);
            }}
          >
            Move to…<span className="visually-hidden"> (moves {card.candidateName})</span>
          </button>
          {menuOpen ? (
            <fetcher.Form
              method="post"
              action={withoutMoving(location.search)}
              id={menuId}
              className="move-menu__list"
              preventScrollReset
              onSubmit={() => {
                focusAfterMoveRef.current = card.id;
                setMenuOpen(false);
              }}
            >
              <input type="hidden" name="intent" value="move" />
              <input type="hidden" name="applicationId" value={card.id} />
              {stages
                .filter((stage) => stage.id !== card.stageId)
                .map((stage) => (
                  <button key={stage.id} type="submit" name="stageId" value={stage.id} className="move-menu__stage">
                    {stage.name}
                  </button>
                ))}
            </fetcher.Form>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

const MOVE_MENU_FORM = "board-move-menu";

/** The GET form every card's "Move to…" button submits without JavaScript: the board's filters, and `move` from the
 * button itself. */
function MoveMenuForm({ search }: { search: string }) {
  return (
    <form id={MOVE_MENU_FORM} method="get" hidden>
      {[...boardParams(search)].map(([name, value]) => (
        <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
      ))}
    </form>
  );
}

/** The board's own parameters (its filters, an expanded stage), without an open menu or Remix's `index`. */
function boardParams(search: string): URLSearchParams {
  const params = new URLSearchParams(search);
  params.delete("move");
  params.delete("index");
  return params;
}

/** Where a move is posted: the board with its filters, without an open menu, so the answer shows the menu closed. */
function withoutMoving(search: string): string {
  const rest = boardParams(search).toString();
  return rest ? `?index&${rest}` : "?index";
}

type BoardFilterBarProps = {
  filters: BoardFilters;
  sources: string[];
  closedCounts: Record<ClosedColumn, number>;
};

/** Search and filters as a plain GET form, and the "Show closed" switch as a link that keeps them. */
export function BoardFilterBar({ filters, sources, closedCounts }: BoardFilterBarProps) {
  const closedTotal = closedCounts.rejected + closedCounts.hired;
  const sourceChoices =
    filters.source && filters.source !== NO_SOURCE && !sources.includes(filters.source)
      ? [...sources, filters.source]
      : sources;
  return (
    <div className="board-filters">
      <Form method="get" className="board-filters__form" role="search" aria-label="Search and filter the board">
        <div className="board-filters__field board-filters__field--search">
          <label htmlFor="board-q">Search candidates</label>
          <input
            type="search"
            id="board-q"
            name="q"
            defaultValue={filters.q}
            placeholder="Name or email"
            autoComplete="off"
          />
        </div>
        <div className="board-filters__field">
          <label htmlFor="board-owed">What we owe them</label>
          <select id="board-owed" name="owed" defaultValue={filters.owed ?? ""}>
            <option value="">Everyone</option>
            {BOARD_OWED_FILTERS.map((owed) => (
              <option key={owed} value={owed}>
                {BOARD_OWED_LABELS[owed]}
              </option>
            ))}
          </select>
        </div>
        {sourceChoices.length > 0 ? (
          <div className="board-filters__field">
            <label htmlFor="board-source">Source</label>
            <select id="board-source" name="source" defaultValue={filters.source ?? ""}>
              <option value="">Any source</option>
              {sourceChoices.map((source) => (
                <option key={source} value={source}>
                  {source}
                </option>
              ))}
              <option value={NO_SOURCE}>No source recorded</option>
            </select>
          </div>
        ) : null}
        {filters.showClosed ? <input type="hidden" name="closed" value="1" /> : null}
        <div className="board-filters__actions">
          <button type="submit" className="button button--secondary button--small">
            Apply
          </button>
          {isFiltered(filters) ? (
            <Link to={boardSearch({ ...filters, q: "", owed: null, source: null }) || "."} className="small">
              Clear filters
            </Link>
          ) : null}
        </div>
      </Form>
      <p className="board-closed small">
        <span>
          Rejected {closedCounts.rejected} · Hired {closedCounts.hired}
        </span>{" "}
        —{" "}
        {filters.showClosed ? (
          <Link to={boardSearch({ ...filters, showClosed: false }) || "."} preventScrollReset>
            Hide<span className="visually-hidden"> rejected and hired applications</span>
          </Link>
        ) : closedTotal > 0 ? (
          <Link to={boardSearch({ ...filters, showClosed: true })} preventScrollReset>
            Show<span className="visually-hidden"> rejected and hired applications</span>
          </Link>
        ) : (
          <span className="muted">none closed yet</span>
        )}
      </p>
    </div>
  );
}

type BoardColumn = { key: string; name: string; closed: boolean };

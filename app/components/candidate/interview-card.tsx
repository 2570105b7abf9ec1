// One scheduled interview as the candidate reads it: what, with whom and when on their clock, where (the video link
// as a link), how long, and the "Add to calendar" download. Plain HTML, no JavaScript.
import type { InterviewCard } from "~/domain/status-page/interviews";

export function InterviewCardView({ card, headingLevel = 3 }: { card: InterviewCard; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="candidate-interview">
      <Heading className="candidate-interview__headline">{card.headline}</Heading>
      <dl className="candidate-interview__facts">
        {card.place ? (
          <div>
            <dt>{card.labels.where}</dt>
            <dd>{card.place}</dd>
          </div>
        ) : null}
        {card.video ? (
          <div>
            <dt>{card.labels.video}</dt>
            <dd>
              <a href={card.video} rel="noreferrer">
                {card.video}
              </a>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{card.labels.duration}</dt>
          <dd>{card.duration}</dd>
        </div>
      </dl>
      <p>
        <a className="button button--secondary" href={card.calendar.href} download>
          {card.calendar.label}
        </a>
      </p>
    </div>
  );
}

import { Badge } from "~/components/ui/badge";

/** A compassion score in words as well as colour. */
export function ScoreBadge({ score }: { score: number }) {
  const tone = score >= 90 ? "success" : score >= 70 ? "warning" : "danger";
  const words =
    score >= 90 ? "kind and clear" : score >= 70 ? "could be kinder" : score === 0 ? "has errors" : "needs work";
  return (
    <Badge tone={tone}>
      {score}/100 · {words}
    </Badge>
  );
}

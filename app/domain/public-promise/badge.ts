// The kept-promise badge for a careers site (/promise/badge.svg): one line in two parts, the promise and how often it
// was kept, as a self-contained SVG image named by the same words for screen readers. Pure.
import { MIN_CASES, type PromiseFigure } from "./record";

const HEIGHT = 20;
const PADDING = 8;
/** Verdana at 11 px averages about 6.8 px a character; textLength then fits the words to the width exactly. */
const CHARACTER_WIDTH = 6.8;

const COLOURS = { left: "#27272a", kept: "#166534", below: "#9a3412", tooFew: "#52525b" } as const;

export function escapeXml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

function partWidth(text: string): number {
  return Math.ceil(text.length * CHARACTER_WIDTH) + 2 * PADDING;
}

/** The result part's colour: green from 90% kept, amber below, grey without a figure (fewer than MIN_CASES cases). */
function resultColour(figure: PromiseFigure): string {
  if (figure.rate === null || figure.cases < MIN_CASES) return COLOURS.tooFew;
  return figure.rate >= 0.9 ? COLOURS.kept : COLOURS.below;
}

/** The badge: `promise` on the left, `result` on the right; `label` (the whole line) names the image. */
export function badgeSvg(promise: string, result: string, label: string, figure: PromiseFigure): string {
  const left = partWidth(promise);
  const right = partWidth(result);
  const width = left + right;
  const text = (content: string, x: number, length: number) =>
    `<text x="${x + PADDING}" y="14" textLength="${length - 2 * PADDING}" lengthAdjust="spacingAndGlyphs">` +
    `${escapeXml(content)}</text>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${HEIGHT}" viewBox="0 0 ${width} ${HEIGHT}" ` +
    `role="img" aria-label="${escapeXml(label)}">` +
    `<title>${escapeXml(label)}</title>` +
    `<rect width="${left}" height="${HEIGHT}" rx="3" fill="${COLOURS.left}"/>` +
    `<rect x="${left}" width="${right}" height="${HEIGHT}" fill="${resultColour(figure)}"/>` +
    `<g fill="#ffffff" font-family="Verdana, DejaVu Sans, sans-serif" font-size="11" aria-hidden="true">` +
    text(promise, 0, left) +
    text(result, left, right) +
    `</g></svg>`
  );
}

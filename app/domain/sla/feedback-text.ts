// How staff read who holds up an interview's feedback promise, in the queue and in the notices.

/** "Feedback from Priya, Tom". */
export function feedbackFromText(names: readonly string[]): string {
  return `Feedback from ${names.join(", ")}`;
}

// How an import's status reads on the page.
export const IMPORT_STATUS_LABELS = {
  preview: "Not confirmed",
  queued: "Waiting to start",
  running: "Importing",
  done: "Done",
  failed: "Stopped by an error",
  cancelled: "Cancelled",
} as const;

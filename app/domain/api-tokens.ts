// API tokens: the input schema shared by the Settings form, the CLI and its internal endpoint.
import { z } from "zod";
import { trimmedText } from "./validation";

/** Every token starts with this, so secret scanners and people can recognise a Hearback token. */
export const API_TOKEN_PREFIX = "hb_";

export const apiTokenInputSchema = z.object({
  name: trimmedText("Name", 80),
});
export type ApiTokenInput = z.output<typeof apiTokenInputSchema>;

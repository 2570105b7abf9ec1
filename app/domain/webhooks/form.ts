// Adding a webhook endpoint (Settings → Webhooks and POST /api/v1/webhooks): one schema for the form and the API.
import { z } from "zod";
import { checkOutboundUrl } from "../outbound-urls";
import { checkboxField, optionalText } from "../validation";
import { WEBHOOK_EVENT_TYPES } from "./events";

/** One checked box posts a string, several an array, none nothing: always an array here. */
const asList = (value: unknown) =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];

export const webhookEndpointInputSchema = z.object({
  url: z
    .string({ error: "URL is required." })
    .trim()
    .min(1, "URL is required.")
    .transform((text, context) => {
      const checked = checkOutboundUrl(text);
      if (checked.ok) return checked.url.toString();
      context.addIssue({ code: "custom", message: checked.error });
      return z.NEVER;
    })
    .describe("Where to POST the events: http or https, no user name or password in it."),
  events: z.preprocess(
    asList,
    z
      .array(z.enum(WEBHOOK_EVENT_TYPES, { error: `Events must be among ${WEBHOOK_EVENT_TYPES.join(", ")}.` }))
      .min(1, "Choose at least one event.")
      .transform((events) => [...new Set(events)]),
  ),
  description: optionalText("Description", 200),
  allowPrivate: checkboxField
    .optional()
    .default(false)
    .describe("Allow a loopback, link-local or private network address (an endpoint inside your own network)."),
});
export type WebhookEndpointInput = z.output<typeof webhookEndpointInputSchema>;

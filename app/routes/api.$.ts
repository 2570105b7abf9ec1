// Every /api path no endpoint claims: a JSON 404 (not the HTML page), whatever the method.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { ApiError, errorResponse } from "~/web/api.server";

async function notFound({ request }: LoaderFunctionArgs) {
  const { pathname } = new URL(request.url);
  return errorResponse(
    new ApiError(
      "not_found",
      `There is no API endpoint at ${pathname}. The endpoints are listed at /api/v1/openapi.json.`,
    ),
  );
}

export const loader = notFound;
export const action = notFound;

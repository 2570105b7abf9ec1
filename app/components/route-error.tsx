// The error view of a page inside the app's layout (header stays, so people can navigate on).
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { RequestReference } from "./request-reference";

export function RouteError() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message =
    isRouteErrorResponse(error) && typeof error.data === "string" && error.data
      ? error.data
      : status === 404
        ? "This page does not exist, or you cannot see it."
        : status === 403
          ? "You do not have permission to see this page."
          : "Something went wrong on our side. Please try again in a moment.";
  const title =
    status === 404 ? "We could not find that page" : status === 403 ? "Not allowed" : "Something went wrong";
  return (
    <div className="narrow">
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <Link to="/">Go to the start page</Link>
      </p>
      <RequestReference />
    </div>
  );
}

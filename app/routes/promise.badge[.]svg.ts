// /promise/badge.svg: the kept-promise badge for a careers site ("Answers applicants in 3 business days · kept 94%"),
// for the promise in `promise` when it was published, else the first one published; `lang` en or de (else the
// browser's). 404 while nothing is published. docs/public-promise.md.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { careersLocale } from "~/domain/careers/application-form";
import { badgeSvg } from "~/domain/public-promise/badge";
import { headlineFigure, PUBLIC_PROMISES, type PublicPromise } from "~/domain/public-promise/record";
import { badgeWords } from "~/domain/public-promise/texts";
import { publishedPromiseRecord } from "~/models/public-promise.server";
import { careersRequestAllowed, tooManyRequests } from "~/web/careers-form.server";
import { notPublished, publicResource } from "~/web/public-promise.server";

const SVG = "image/svg+xml; charset=utf-8";

function askedPromise(value: string | null): PublicPromise | undefined {
  return PUBLIC_PROMISES.find((promise) => promise === value);
}

export async function loader({ request }: LoaderFunctionArgs) {
  if (!careersRequestAllowed(request)) throw tooManyRequests();
  const params = new URL(request.url).searchParams;
  const record = await publishedPromiseRecord();
  const figure = record ? headlineFigure(record.workspace, askedPromise(params.get("promise"))) : null;
  if (!record || !figure) return notPublished("text/plain; charset=utf-8", "Not published.");
  const locale = careersLocale(params.get("lang"), request.headers.get("Accept-Language"));
  const words = badgeWords(figure, record.workspace.firstResponseTarget, locale);
  return publicResource(request, badgeSvg(words.promise, words.result, words.line, figure), SVG);
}

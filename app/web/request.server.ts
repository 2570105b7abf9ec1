// Facts about the incoming request that Remix does not hand us directly.
export function clientIp(request: Request, context?: { clientIp?: string }): string {
  return context?.clientIp ?? request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? "unknown";
}

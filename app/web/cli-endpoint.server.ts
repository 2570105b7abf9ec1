// Who may use /internal/cli/*: the hearback CLI on this machine, which proves it can read the data folder by sending
// the secret the running server wrote to <data>/server.json (mode 0600). Without an embedded database there is no
// such secret and the endpoints do not exist: the CLI then opens PostgreSQL itself.
import { ApiError } from "./api.server";
import { currentCliSecret } from "~/platform/instance.server";
import { secretsEqual } from "~/platform/tokens.server";

export const CLI_SECRET_HEADER = "X-Hearback-Cli-Secret";

function isLoopback(address: string): boolean {
  return /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/.test(address);
}

export function requireCliCaller(request: Request, context: unknown): void {
  const secret = currentCliSecret();
  const clientIp = (context as { clientIp?: string } | undefined)?.clientIp;
  if (!secret || (clientIp !== undefined && !isLoopback(clientIp))) {
    throw new ApiError("not_found", "Not found.");
  }
  if (!secretsEqual(request.headers.get(CLI_SECRET_HEADER) ?? "", secret)) {
    throw new ApiError("unauthorized", "The CLI secret does not match this server's data folder.");
  }
}

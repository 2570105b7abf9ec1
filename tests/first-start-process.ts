// An app instance's start-up in its own process, for the first-start test (tests/integration/first-start.test.ts):
// boot() as server.mjs calls it — migrations, then the demo workspace on an empty database — its announcement, and
// a clean shutdown. Reads its configuration from the environment like the server.
import { boot } from "~/boot.server";

const started = await boot();
started.announce(0);
await started.shutdown();
process.exit(0);

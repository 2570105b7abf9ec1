import path from "node:path";
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig, type Plugin } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

/** How Remix marks a route's entry in the browser build; its code re-exports the route's browser exports. */
const CLIENT_ROUTE_QUERY = "?__remix-build-client-route";

/** The name Rollup gives an entry chunk: the file's base name, with characters Rollup finds unsafe in file names replaced. */
function entryChunkName(file: string): string {
  return path.parse(file).name.replace(/["#$%&*+,:;<=>?[\]^`{|}]/g, "_");
}

/**
 * Resource routes (the API, downloads, redirects) export nothing for the browser, yet Remix gives each a browser entry
 * that re-exports nothing from the route module. That entry loads the module anyway, so exports Remix does not know
 * to strip (an endpoint's OpenAPI operations) would pull server-only code into the browser build, and the entry
 * renders to an empty chunk, which Rollup warns about. The chunk has to exist (the Remix manifest names one per
 * route), so such entries become empty modules and their expected empty chunks are not reported.
 */
function resourceRoutesStayOnServer(): Plugin {
  const emptyRouteChunks = new Set<string>();
  return {
    name: "hearback:resource-routes-stay-on-server",
    apply: "build",
    enforce: "post",
    transform(code, id, options) {
      if (options?.ssr || !id.endsWith(CLIENT_ROUTE_QUERY)) return;
      if (!/^export\s*\{\s*\}\s*from\s/.test(code.trim())) return;
      emptyRouteChunks.add(entryChunkName(id.slice(0, -CLIENT_ROUTE_QUERY.length)));
      return { code: "export {};", map: null };
    },
    onLog(_level, log) {
      if (log.code === "EMPTY_BUNDLE" && log.names?.every((name) => emptyRouteChunks.has(name))) return false;
      // zod's published sources carry prose mentioning @__PURE__ in comments; Rollup drops those comments, harmlessly.
      if (log.code === "INVALID_ANNOTATION" && log.id?.includes("/node_modules/zod/")) return false;
    },
  };
}

/**
 * Server code starts a worker thread from a TypeScript module named as `new URL("./<name>.worker.ts", import.meta.url)`
 * (app/platform/worker-budget.server.ts runs it through tsx from source). In the server build each such module becomes
 * a JavaScript chunk of its own, with only the imports it needs, and the URL points at that chunk.
 */
function serverWorkers(): Plugin {
  const WORKER_URL = /new URL\(\s*(["'])(\.{1,2}\/[\w./-]+\.worker\.ts)\1\s*,\s*import\.meta\.url\s*\)/g;
  return {
    name: "hearback:server-workers",
    apply: "build",
    transform(code, id, options) {
      if (!options?.ssr || !code.includes(".worker.ts")) return;
      const replaced = code.replace(WORKER_URL, (_match, _quote, file: string) => {
        const chunk = this.emitFile({
          type: "chunk",
          id: path.resolve(path.dirname(id), file),
          name: path.basename(file, ".ts"),
        });
        return `new URL(import.meta.ROLLUP_FILE_URL_${chunk})`;
      });
      return replaced === code ? undefined : { code: replaced, map: null };
    },
  };
}

export default defineConfig({
  plugins: [
    remix({
      ignoredRouteFiles: ["**/*.test.{ts,tsx}", "**/.*"],
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
      },
    }),
    tsconfigPaths(),
    resourceRoutesStayOnServer(),
    serverWorkers(),
  ],
  server: { watch: { ignored: ["**/data/**", "**/test-results/**"] } },
});

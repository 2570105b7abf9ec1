import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["app/domain/**/*.test.{ts,tsx}", "app/{platform,web}/**/*.unit.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["app/**/*.test.{ts,tsx}", "tests/integration/**/*.test.ts", "bin/**/*.test.ts"],
          exclude: ["app/domain/**", "app/{platform,web}/**/*.unit.test.ts"],
          setupFiles: ["tests/setup-database.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});

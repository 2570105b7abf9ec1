import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Forbids a layer to import from the layers named (by their folder under app/), as `~/x` or a relative path. */
function layer(files, role, forbidden, typesOnly = []) {
  const rule = (names, allowTypeImports) => ({
    group: names.flatMap((name) => [`~/${name}/**`, `**/../${name}/**`]),
    message: `${files.replace("/**", "")} is ${role}; it may not import from app/${names.join(", app/")}.`,
    allowTypeImports,
  });
  const patterns = [rule(forbidden, false)];
  if (typesOnly.length > 0) patterns.push(rule(typesOnly, true));
  return { files: [files], rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns }] } };
}

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "data/**",
      "app/generated/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "bench/results/**",
      ".cache/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { react, "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    settings: { react: { version: "detect" } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.recommended.rules,
      "react/prop-types": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  { files: ["**/*.{js,mjs}"], languageOptions: { globals: globals.node } },
  // The layers: imports run routes → web → models → platform and domain, never back up (docs/architecture.md).
  layer("app/domain/**", "pure rules: no I/O, no database, nothing above it", [
    "platform",
    "models",
    "workers",
    "web",
    "routes",
    "components",
  ]),
  layer("app/platform/**", "infrastructure below the models", ["models", "workers", "web", "routes", "components"]),
  layer("app/models/**", "the database layer", ["workers", "web", "routes", "components"]),
  layer("app/workers/**", "background workers", ["web", "routes", "components"]),
  layer("app/web/**", "HTTP handling below the routes", ["workers", "routes", "components"]),
  // UI may name the types a loader returns, nothing more: server code never reaches the browser bundle.
  layer("app/components/**", "UI", ["workers", "routes"], ["platform", "models", "web"]),
  {
    // The app logs through app/platform/log.server.ts: JSON lines with the request id, private fields redacted.
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/**/*.test.{ts,tsx}"],
    rules: { "no-console": "error" },
  },
  {
    // Tests never read the real clock to build an expectation: they pin it or use fixed dates (tests/clock.ts).
    files: ["**/*.test.{ts,tsx}", "tests/**/*.ts"],
    ignores: ["tests/clock.ts", "tests/e2e/**"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "Date", property: "now", message: "Use a fixed date, or pinClock()/clockNow() from tests/clock.ts." },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "Use a fixed date, or pinClock()/clockNow() from tests/clock.ts.",
        },
      ],
    },
  },
);

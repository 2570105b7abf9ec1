#!/usr/bin/env node
// The hearback command line: `npx hearback token create --name <name>`, `backup <file>`, `restore <file>` and friends.
// This file parses the command line and prints; bin/commands.ts (loaded through tsx, so it can use the app's
// TypeScript) does the work.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const HELP = `Usage: hearback <command> [options]

Commands:
  token create --name <name>   Create an API token with admin rights. Explanations go to stderr; the token
                               is printed alone on the last line of stdout, e.g.
                                 TOKEN=$(npx hearback token create --name ci | tail -n 1)
  token list                   List the API tokens: id, name, prefix, owner, created, last used, status.
  token revoke <id>            Revoke an API token; requests with it fail from then on.
  backup <file> [--force]      Write a backup of the embedded database (a .tar.gz) to <file>, also while the
                               server runs. Refuses to replace an existing file unless --force.
  restore <file>               Restore a backup into the data folder, which must be empty or missing and not in
                               use; the next start applies pending migrations.

Options:
  --force                      backup: replace <file> if it exists.
  -h, --help                   Show this help.

Environment:
  DATABASE_URL         Use this PostgreSQL database (postgresql://…) instead of the embedded one.
  HEARBACK_DATA_DIR    Folder of the embedded database (default: the checkout's ./data folder).

On the embedded database, the command asks the running Hearback server when there is one (only one process may
open the database); otherwise it opens the database itself and applies pending migrations first.
Tokens are also managed in the app under Settings → API tokens. The server also keeps a daily backup of the last
7 days in <data folder>/backups/ (HEARBACK_BACKUPS=off turns it off); copy backups off the machine.
On PostgreSQL (DATABASE_URL) back up with pg_dump -Fc and restore with pg_restore instead.`;

class UsageError extends Error {}

/** The command to run from the arguments, or null when help was asked for. */
function parseCommand(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { name: { type: "string" }, force: { type: "boolean" }, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(error.message);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0 || positionals[0] === "help") return null;
  const [group, action, ...rest] = positionals;
  if (group === "backup" || group === "restore") return fileCommand(group, positionals.slice(1), values);
  if (values.force) throw new UsageError(`--force only applies to "backup".`);
  if (group !== "token") throw new UsageError(`Unknown command "${positionals.join(" ")}".`);
  if (action === "create") {
    if (rest.length > 0)
      throw new UsageError(`Unexpected argument "${rest[0]}". Did you mean --name "${rest.join(" ")}"?`);
    if (values.name === undefined)
      throw new UsageError("token create needs a name: hearback token create --name <name>");
    return { kind: "token.create", name: values.name };
  }
  if (values.name !== undefined) throw new UsageError(`--name only applies to "token create".`);
  if (action === "list" && rest.length === 0) return { kind: "token.list" };
  if (action === "revoke") {
    if (rest.length !== 1) throw new UsageError("token revoke needs one token id: hearback token revoke <id>");
    return { kind: "token.revoke", tokenId: rest[0] };
  }
  throw new UsageError(`Unknown command "${positionals.join(" ")}".`);
}

/** `backup <file> [--force]` or `restore <file>`, the file resolved from where the command is run. */
function fileCommand(kind, args, values) {
  if (args.length !== 1) throw new UsageError(`${kind} needs one file: hearback ${kind} <file>`);
  if (values.name !== undefined) throw new UsageError(`--name only applies to "token create".`);
  if (kind === "restore" && values.force) throw new UsageError(`--force only applies to "backup".`);
  return { kind, file: path.resolve(args[0]), ...(kind === "backup" ? { force: values.force === true } : {}) };
}

function prepareEnvironment() {
  // A relative HEARBACK_DATA_DIR means relative to where the command is run; unset, it is the checkout's data folder,
  // where `npm start` keeps it. Then work from the checkout, where the migrations and tsconfig are.
  const configured = process.env.HEARBACK_DATA_DIR;
  if (!configured) process.env.HEARBACK_DATA_DIR = path.join(root, "data");
  else if (!configured.startsWith("memory://")) process.env.HEARBACK_DATA_DIR = path.resolve(configured);
  process.chdir(root);
}

async function main() {
  let command;
  try {
    command = parseCommand(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`hearback: ${error.message}\nRun "hearback --help" for the commands.`);
    return 2;
  }
  if (!command) {
    console.log(HELP);
    return 0;
  }
  prepareEnvironment();
  const { tsImport } = await import("tsx/esm/api");
  let commands;
  try {
    commands = await tsImport("./commands.ts", {
      parentURL: import.meta.url,
      tsconfig: path.join(root, "tsconfig.json"),
    });
  } catch (error) {
    // An invalid environment variable stops the app's modules from loading, with a message naming it.
    if (error?.constructor?.name === "EnvError") {
      console.error(`hearback: ${error.message}`);
      return 1;
    }
    throw error;
  }
  try {
    const output = await commands.runCommand(command);
    for (const line of output.stderr) console.error(line);
    for (const line of output.stdout) console.log(line);
    return 0;
  } catch (error) {
    if (!(error instanceof commands.CliError)) throw error;
    console.error(`hearback: ${error.message}`);
    return error.exitCode;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error("hearback: unexpected failure:", error);
    process.exitCode = 1;
  },
);

import { expect, test } from "vitest";
import { z } from "zod";
import { defineIntent, dispatchIntent } from "./intents.server";

function form(fields: Record<string, string>) {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) formData.append(name, value);
  return formData;
}

async function refusal(answer: Promise<unknown>) {
  const thrown = await answer.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(thrown instanceof Response)) throw new Error("expected a thrown Response");
  return { status: thrown.status, text: await thrown.text() };
}

const greet = defineIntent({
  schema: z.object({ name: z.string().min(1, "Name is required.") }),
  run: ({ input }) => `Hello, ${input.name}.`,
});

test("the form's intent picks the row, which gets the validated input", async () => {
  expect(await dispatchIntent(form({ intent: "greet", name: "Ann" }), { intents: { greet } })).toBe("Hello, Ann.");
});

test("an intent the table lacks is a 400, or the page's own answer", async () => {
  expect(await refusal(dispatchIntent(form({ intent: "shout" }), { intents: { greet } }))).toEqual({
    status: 400,
    text: "Unknown action.",
  });
  expect(await refusal(dispatchIntent(form({}), { intents: { greet } }))).toMatchObject({ status: 400 });
  expect(await dispatchIntent(form({ intent: "toString" }), { intents: { greet }, unknown: () => "unknown" })).toBe(
    "unknown",
  );
});

test("the intent option names the row instead of the form", async () => {
  const intents = { greet, remove: defineIntent({ run: () => "removed" }) };
  expect(await dispatchIntent(form({ intent: "greet" }), { intents, intent: "remove" })).toBe("removed");
});

test("the permission is checked before the form, then the guard, then the schema", async () => {
  const calls: string[] = [];
  const guarded = defineIntent({
    permission: "manage_users",
    guard: (formData) => (formData.get("name") === "me" ? "not yourself" : undefined),
    schema: z.object({ name: z.string().min(3, "Too short.") }),
    invalid: ({ errors }) => errors.name ?? "invalid",
    run: ({ input }) => {
      calls.push(input.name);
      return "done";
    },
  });
  const intents = { guarded };
  const post = (name: string, role: "admin" | "interviewer" = "admin") =>
    dispatchIntent(form({ intent: "guarded", name }), { intents, role });
  expect(await refusal(post("me", "interviewer"))).toEqual({
    status: 403,
    text: "You do not have permission to do that.",
  });
  expect(await post("me")).toBe("not yourself");
  expect(await post("x")).toBe("Too short.");
  expect(await post("Ann")).toBe("done");
  expect(calls).toEqual(["Ann"]);
});

test("a row's invalid answer wins over the page's, and without either a rejected form is a 400", async () => {
  const page = (intent: string) => `page refused ${intent}`;
  expect(await dispatchIntent(form({ intent: "greet" }), { intents: { greet }, invalid: page })).toBe(
    "page refused greet",
  );
  const own = defineIntent({ ...greet, invalid: () => "row refused" });
  expect(await dispatchIntent(form({ intent: "own" }), { intents: { own }, invalid: page })).toBe("row refused");
  expect(await refusal(dispatchIntent(form({ intent: "greet" }), { intents: { greet } }))).toEqual({
    status: 400,
    text: "That request was not understood.",
  });
});

test("a fallback row answers a post without an intent, or with one the table lacks", async () => {
  const intents = { greet, save: defineIntent({ run: () => "saved" }) };
  expect(await dispatchIntent(form({}), { intents, fallback: "save" })).toBe("saved");
  expect(await dispatchIntent(form({ intent: "drop-table" }), { intents, fallback: "save" })).toBe("saved");
  expect(await dispatchIntent(form({ intent: "greet", name: "Ann" }), { intents, fallback: "save" })).toBe(
    "Hello, Ann.",
  );
});

test("a row with an argument answers its name followed by an argument its schema accepts", async () => {
  const intents = {
    save: defineIntent({ run: () => "saved" }),
    remove: defineIntent({
      argument: z
        .string()
        .regex(/^\d{1,2}$/)
        .transform(Number),
      run: ({ argument }) => `removed ${argument + 1}`,
    }),
  };
  const post = (intent: string) => dispatchIntent(form({ intent }), { intents, fallback: "save" });
  expect(await post("remove:3")).toBe("removed 4");
  expect(await post("remove:12")).toBe("removed 13");
  expect(await post("remove")).toBe("saved");
  expect(await post("remove:")).toBe("saved");
  expect(await post("remove:-1")).toBe("saved");
  expect(await post("remove:123")).toBe("saved");
  expect(await post("save:1")).toBe("saved");
  expect(await refusal(dispatchIntent(form({ intent: "remove" }), { intents }))).toMatchObject({ status: 400 });
});

import { expect, test } from "vitest";
import { can, ROLES } from "./permissions";

test("admins can do everything", () => {
  for (const permission of ["manage_users", "manage_api_tokens", "manage_jobs", "decide_applications"] as const) {
    expect(can("admin", permission)).toBe(true);
  }
});

test("recruiters run pipelines but not the workspace", () => {
  expect(can("recruiter", "manage_jobs")).toBe(true);
  expect(can("recruiter", "move_applications")).toBe(true);
  expect(can("recruiter", "manage_users")).toBe(false);
  expect(can("recruiter", "manage_api_tokens")).toBe(false);
});

test("hiring managers decide on their jobs but do not create them", () => {
  expect(can("hiring_manager", "decide_applications")).toBe(true);
  expect(can("hiring_manager", "manage_jobs")).toBe(false);
  expect(can("hiring_manager", "view_all_jobs")).toBe(false);
});

test("interviewers only leave notes", () => {
  expect(ROLES.filter((role) => can(role, "add_notes"))).toEqual(ROLES);
  expect(can("interviewer", "move_applications")).toBe(false);
  expect(can("interviewer", "decide_applications")).toBe(false);
});

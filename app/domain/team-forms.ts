// Schemas of the team forms: inviting a colleague, accepting an invitation, changing a role.
import { z } from "zod";
import { ROLES } from "./permissions";
import { emailField, idField, passwordField, trimmedText } from "./validation";

const roleField = z.enum(ROLES, { error: "Choose a role." });

export const inviteFormSchema = z.object({ email: emailField, name: trimmedText("Name", 120), role: roleField });
export const roleFormSchema = z.object({ userId: idField("User"), role: roleField });
export const joinFormSchema = z.object({ name: trimmedText("Your name", 120), password: passwordField });

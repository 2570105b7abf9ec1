// The words Hearback adds around a candidate's message to name who writes: the team that signs when the job names
// nobody, and the sender's display name in From. In the candidate's language, like every text they read.
import type { Localized } from "../i18n";

type SenderTexts = {
  /** The {{recruiter.name}} signature when the job has no recruiter or hiring manager. */
  team: (company: string) => string;
  /** The display name in From: the named person and the company they write for. */
  personAt: (name: string, company: string) => string;
};

export const SENDER_TEXTS: Localized<SenderTexts> = {
  en: {
    team: (company) => `The ${company} hiring team`,
    personAt: (name, company) => `${name} at ${company}`,
  },
  de: {
    team: (company) => `Ihr Recruiting-Team von ${company}`,
    // "bei", not "von": "Priya Raman von Lindenwerk" would read as part of her name.
    personAt: (name, company) => `${name} bei ${company}`,
  },
};

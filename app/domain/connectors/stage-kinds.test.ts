import { describe, expect, it } from "vitest";
import { guessStageKind } from "./stage-kinds";

describe("guessStageKind", () => {
  // The default pipelines of Greenhouse, Ashby and Lever, plus the names teams commonly give their own stages.
  it.each([
    ["Application Review", "applied"],
    ["New", "applied"],
    ["Applied", "applied"],
    ["Lead", "applied"],
    ["New lead", "applied"],
    ["New applicant", "applied"],
    ["Phone Screen", "screen"],
    ["Preliminary Phone Screen", "screen"],
    ["Recruiter Screen", "screen"],
    ["Technical Screen", "screen"],
    ["Screening", "screen"],
    ["Phone interview", "screen"],
    ["Take-home", "assessment"],
    ["Take Home Test", "assessment"],
    ["Assessment", "assessment"],
    ["Test", "assessment"],
    ["Case study", "assessment"],
    ["Case Study Interview", "assessment"],
    ["Coding exercise", "assessment"],
    ["Onsite", "interview"],
    ["On-site interview", "interview"],
    ["Interview", "interview"],
    ["Face to Face", "interview"],
    ["Final round", "interview"],
    ["Technical interview", "interview"],
    ["Panel", "interview"],
    ["Reference Check", "interview"],
    ["Offer", "offer"],
    ["Offer extended", "offer"],
    ["Hired", "offer"],
  ] as const)("%s → %s", (name, kind) => {
    expect(guessStageKind(name)).toBe(kind);
  });

  it.each([
    ["Bewerbungseingang", "applied"],
    ["Telefoninterview", "screen"],
    ["Telefonat mit Recruiting", "screen"],
    ["Erstgespräch", "screen"],
    ["Kennenlerngespräch", "screen"],
    ["Probearbeit", "assessment"],
    ["Fallstudie", "assessment"],
    ["Vorstellungsgespräch", "interview"],
    ["Bewerbungsgespräch", "interview"],
    ["Zweitgespräch", "interview"],
    ["Angebot", "offer"],
    ["Vertragsangebot", "offer"],
  ] as const)("German: %s → %s", (name, kind) => {
    expect(guessStageKind(name)).toBe(kind);
  });

  it("ignores case, punctuation and accents", () => {
    expect(guessStageKind("  PHONE-SCREEN!! ")).toBe("screen");
    expect(guessStageKind("on_site")).toBe("interview");
    expect(guessStageKind("VORSTELLUNGSGESPRAECH")).toBe("interview");
    expect(guessStageKind("VORSTELLUNGSGESPRÄCH")).toBe("interview");
    expect(guessStageKind("Offer (extended)")).toBe("offer");
  });

  it("matches English words whole, so a word that merely contains one is not taken for it", () => {
    expect(guessStageKind("Contest")).toBe("applied");
    expect(guessStageKind("Hiring manager review")).toBe("applied");
  });

  it('calls names it does not know "applied", the kind that claims least to the candidate', () => {
    expect(guessStageKind("Reached out")).toBe("applied");
    expect(guessStageKind("Culture add")).toBe("applied");
    expect(guessStageKind("")).toBe("applied");
  });
});

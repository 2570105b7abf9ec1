// Words for generated histories: the messages a team and its candidates exchange (English and German), notes and
// decision reasons. Plain data, so demo timelines read like a real recruiting team's.

export type MessageKind =
  | "acknowledgement"
  | "screen_invite"
  | "interview_invite"
  | "assessment"
  | "post_interview_thanks"
  | "delay_update"
  | "reply"
  | "rejection"
  | "offer"
  | "welcome"
  | "withdrawal_ack"
  | "role_on_hold"
  | "role_filled";

export type MessageContext = { firstName: string; jobTitle: string; recruiterName: string; when?: string };

type Message = { subject: string; body: string };

const EN: Record<MessageKind, (context: MessageContext) => Message> = {
  acknowledgement: (c) => ({
    subject: `We received your application for ${c.jobTitle}`,
    body: `Hi ${c.firstName},\n\nthank you for applying for ${c.jobTitle}. A person on our team reads every application. You will hear from us within five business days.\n\n${c.recruiterName}`,
  }),
  screen_invite: (c) => ({
    subject: `${c.jobTitle}: a first call?`,
    body: `Hi ${c.firstName},\n\nwe enjoyed reading your application and would like to talk. Could you pick a 30-minute slot this week or next?\n\n${c.recruiterName}`,
  }),
  interview_invite: (c) => ({
    subject: `Interview for ${c.jobTitle}`,
    body: `Hi ${c.firstName},\n\nthe team would like to meet you${c.when ? ` on ${c.when}` : ""}. You will talk with two people from the team for about an hour. Does that time work for you?\n\n${c.recruiterName}`,
  }),
  assessment: (c) => ({
    subject: `${c.jobTitle}: a small exercise`,
    body: `Hi ${c.firstName},\n\nthe next step is a short exercise. It should take about two hours; please do not spend more. Send it back whenever suits you this week.\n\n${c.recruiterName}`,
  }),
  post_interview_thanks: (c) => ({
    subject: "Thank you for your time",
    body: `Hi ${c.firstName},\n\nthank you for talking with us today. The team meets on Thursday to decide, and I will write to you by Friday either way.\n\n${c.recruiterName}`,
  }),
  delay_update: (c) => ({
    subject: `An update on ${c.jobTitle}`,
    body: `Hi ${c.firstName},\n\nwe have no decision yet; the team is still meeting candidates. I will write again by the end of next week at the latest.\n\n${c.recruiterName}`,
  }),
  reply: (c) => ({
    subject: "Re: your question",
    body: `Hi ${c.firstName},\n\ngood question. The role is hybrid, two days a week in the office, and the salary range is on the job page. Happy to answer anything else.\n\n${c.recruiterName}`,
  }),
  rejection: (c) => ({
    subject: `Your application for ${c.jobTitle}`,
    body: `Hi ${c.firstName},\n\nwe have decided not to move forward with your application for ${c.jobTitle}. This was not easy: thank you for the time you gave us. If you would like feedback, reply to this email and I will share what I can.\n\n${c.recruiterName}`,
  }),
  offer: (c) => ({
    subject: `An offer for ${c.jobTitle}`,
    body: `Hi ${c.firstName},\n\nwe would love you to join us! The offer is attached. Take the time you need and call me with any questions.\n\n${c.recruiterName}`,
  }),
  welcome: (c) => ({
    subject: "Welcome aboard",
    body: `Hi ${c.firstName},\n\nwe are delighted you said yes. Your first-day details follow next week.\n\n${c.recruiterName}`,
  }),
  withdrawal_ack: (c) => ({
    subject: "Thank you for letting us know",
    body: `Hi ${c.firstName},\n\nthank you for telling us. We have closed your application and wish you all the best. You are welcome to apply again any time.\n\n${c.recruiterName}`,
  }),
  role_on_hold: (c) => ({
    subject: `${c.jobTitle} is on hold`,
    body: `Hi ${c.firstName},\n\nwe have paused hiring for ${c.jobTitle} while the team plans next quarter. Your application stays open, and I will write by the end of the month with news.\n\n${c.recruiterName}`,
  }),
  role_filled: (c) => ({
    subject: `Your application for ${c.jobTitle}`,
    body: `Hi ${c.firstName},\n\nwe have filled the ${c.jobTitle} role, so we are closing your application. Thank you for your interest in working with us.\n\n${c.recruiterName}`,
  }),
};

const DE: Record<MessageKind, (context: MessageContext) => Message> = {
  acknowledgement: (c) => ({
    subject: `Deine Bewerbung als ${c.jobTitle} ist angekommen`,
    body: `Hallo ${c.firstName},\n\ndanke für deine Bewerbung als ${c.jobTitle}. Jede Bewerbung liest bei uns ein Mensch. Du hörst innerhalb von fünf Werktagen von uns.\n\n${c.recruiterName}`,
  }),
  screen_invite: (c) => ({
    subject: `${c.jobTitle}: ein erstes Gespräch?`,
    body: `Hallo ${c.firstName},\n\ndeine Bewerbung hat uns gefallen und wir würden gern mit dir sprechen. Magst du dir einen Termin von 30 Minuten aussuchen?\n\n${c.recruiterName}`,
  }),
  interview_invite: (c) => ({
    subject: `Interview als ${c.jobTitle}`,
    body: `Hallo ${c.firstName},\n\ndas Team möchte dich gern kennenlernen${c.when ? `, am ${c.when}` : ""}. Du sprichst etwa eine Stunde mit zwei Leuten aus dem Team. Passt dir der Termin?\n\n${c.recruiterName}`,
  }),
  assessment: (c) => ({
    subject: `${c.jobTitle}: eine kleine Aufgabe`,
    body: `Hallo ${c.firstName},\n\nder nächste Schritt ist eine kurze Aufgabe von etwa zwei Stunden – bitte nicht mehr. Schick sie uns zurück, wann es dir diese Woche passt.\n\n${c.recruiterName}`,
  }),
  post_interview_thanks: (c) => ({
    subject: "Danke für deine Zeit",
    body: `Hallo ${c.firstName},\n\ndanke für das Gespräch heute. Das Team entscheidet am Donnerstag, und ich melde mich bis Freitag bei dir – so oder so.\n\n${c.recruiterName}`,
  }),
  delay_update: (c) => ({
    subject: `Neuigkeiten zur Stelle ${c.jobTitle}`,
    body: `Hallo ${c.firstName},\n\nwir haben noch keine Entscheidung, das Team spricht noch mit anderen. Ich melde mich spätestens Ende nächster Woche wieder.\n\n${c.recruiterName}`,
  }),
  reply: (c) => ({
    subject: "Re: deine Frage",
    body: `Hallo ${c.firstName},\n\ngute Frage. Die Stelle ist hybrid, zwei Tage pro Woche im Büro; die Gehaltsspanne steht in der Anzeige. Frag gern weiter.\n\n${c.recruiterName}`,
  }),
  rejection: (c) => ({
    subject: `Deine Bewerbung als ${c.jobTitle}`,
    body: `Hallo ${c.firstName},\n\nwir haben uns entschieden, deine Bewerbung als ${c.jobTitle} nicht weiterzuverfolgen. Das fiel uns nicht leicht – danke für deine Zeit. Wenn du Feedback möchtest, antworte einfach auf diese Mail.\n\n${c.recruiterName}`,
  }),
  offer: (c) => ({
    subject: `Ein Angebot als ${c.jobTitle}`,
    body: `Hallo ${c.firstName},\n\nwir möchten dich sehr gern im Team haben! Das Angebot hängt an. Nimm dir die Zeit, die du brauchst, und ruf mich bei Fragen an.\n\n${c.recruiterName}`,
  }),
  welcome: (c) => ({
    subject: "Willkommen an Bord",
    body: `Hallo ${c.firstName},\n\nwir freuen uns riesig über deine Zusage. Die Details zu deinem ersten Tag kommen nächste Woche.\n\n${c.recruiterName}`,
  }),
  withdrawal_ack: (c) => ({
    subject: "Danke für deine Nachricht",
    body: `Hallo ${c.firstName},\n\ndanke, dass du uns Bescheid gibst. Wir haben deine Bewerbung geschlossen und wünschen dir alles Gute. Du kannst dich jederzeit wieder bewerben.\n\n${c.recruiterName}`,
  }),
  role_on_hold: (c) => ({
    subject: `Die Stelle ${c.jobTitle} ruht gerade`,
    body: `Hallo ${c.firstName},\n\nwir haben die Besetzung der Stelle ${c.jobTitle} pausiert, während das Team das nächste Quartal plant. Deine Bewerbung bleibt offen; ich melde mich bis Monatsende.\n\n${c.recruiterName}`,
  }),
  role_filled: (c) => ({
    subject: `Deine Bewerbung als ${c.jobTitle}`,
    body: `Hallo ${c.firstName},\n\nwir haben die Stelle ${c.jobTitle} besetzt und schließen deshalb deine Bewerbung. Danke für dein Interesse an uns.\n\n${c.recruiterName}`,
  }),
};

export function message(kind: MessageKind, locale: "en" | "de", context: MessageContext): Message {
  return (locale === "de" ? DE : EN)[kind](context);
}

export type CandidateMessageKind = "confirm" | "question" | "nudge" | "submission" | "accept" | "decline" | "withdraw";

export const CANDIDATE_MESSAGES: Record<CandidateMessageKind, Record<"en" | "de", string[]>> = {
  confirm: {
    en: ["Thanks! That time works for me.", "Great, looking forward to it.", "Thank you, Tuesday at 10 works well."],
    de: ["Danke, der Termin passt mir gut.", "Super, ich freue mich darauf.", "Danke! Dienstag um 10 passt."],
  },
  question: {
    en: [
      "Could you tell me whether the role is remote?",
      "What is the salary range for this position?",
      "Is relocation support available?",
    ],
    de: [
      "Ist die Stelle auch remote möglich?",
      "Wie sieht die Gehaltsspanne für die Stelle aus?",
      "Unterstützt ihr bei einem Umzug?",
    ],
  },
  nudge: {
    en: ["Hi, is there any news on my application?", "Just checking in: has a decision been made yet?"],
    de: [
      "Hallo, gibt es schon Neuigkeiten zu meiner Bewerbung?",
      "Ich wollte kurz nachfragen, ob es schon etwas Neues gibt.",
    ],
  },
  submission: {
    en: ["Here is my solution to the exercise.", "Please find my take on the exercise attached."],
    de: ["Anbei meine Lösung der Aufgabe.", "Hier ist meine Bearbeitung der Aufgabe."],
  },
  accept: {
    en: ["I am happy to accept the offer!", "Thank you, I accept. Excited to start!"],
    de: ["Ich nehme das Angebot sehr gern an!", "Danke, ich sage zu und freue mich!"],
  },
  decline: {
    en: ["Thank you for the offer. I have decided to accept another position."],
    de: ["Danke für das Angebot. Ich habe mich für eine andere Stelle entschieden."],
  },
  withdraw: {
    en: ["I would like to withdraw my application; I have accepted another offer.", "Please withdraw my application."],
    de: ["Ich möchte meine Bewerbung zurückziehen, ich habe ein anderes Angebot angenommen."],
  },
};

export const NOTES = {
  screen: [
    "Screen call: clear communicator, strong ownership examples. Salary expectations within range.",
    "Screen call: motivated by the mission; notice period three months.",
    "Screen call: good background, a little light on the required experience. Worth a team interview.",
    "Screen call: asked thoughtful questions about the team. Prefers hybrid.",
  ],
  interview: [
    "Interview feedback: solid fundamentals, structured thinking. Leaning yes.",
    "Interview feedback: great collaboration, weaker on depth. Mixed.",
    "Interview feedback: very strong on the practical exercise. Strong yes.",
    "Interview feedback: good conversation, but not enough hands-on experience for this level.",
  ],
  assessment: [
    "Exercise review: clean, pragmatic, well explained.",
    "Exercise review: works, but misses edge cases we discussed.",
    "Exercise review: thoughtful trade-offs; good write-up.",
  ],
};

export const REJECTION_REASONS = {
  application: [
    "Not enough experience for the level of this role",
    "Looking for someone with more hands-on experience in this field",
    "Requires working hours overlapping with our team in Europe",
    "Role requires German at a professional level",
    "Application did not address the core requirements",
  ],
  screen: [
    "Salary expectations well above the range for this role",
    "Notice period too long for the team's timeline",
    "Looking for deeper experience in the core skills",
  ],
  interview: [
    "Another candidate was a stronger match for the team's needs",
    "Team felt the experience level was not yet right for this role",
    "Strong candidate, but weaker on the practical exercise than others",
  ],
};

// Replies as the common mail clients write them, raw (CRLF, MIME, quoted-printable), through the whole path a reply
// takes: parseInboundEmail, then inboundBody. Only what the candidate wrote this time may be filed.
import { expect, test } from "vitest";
import { parseInboundEmail } from "./parse";
import { inboundBody } from "./reply";

/** A raw email from its lines, with the CRLF line ends mail has on the wire. */
function raw(lines: string[]): string {
  return `${lines.join("\r\n")}\r\n`;
}

async function filedText(email: string) {
  const parsed = await parseInboundEmail(email);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return inboundBody(parsed.email);
}

const REPLY_TO = "Jana Recruiter <reply+c123abc456.0123456789abcdef@replies.acme.example>";

test("Gmail, German: the attribution wrapped after the address's '<', quoted-printable, text and HTML", async () => {
  const boundary = "000000000000a1b2c3d4e5f60718";
  const email = raw([
    "MIME-Version: 1.0",
    "References: <hb.c0ffee1234@acme.example>",
    "In-Reply-To: <hb.c0ffee1234@acme.example>",
    "From: Sam Taylor <sam.taylor@gmail.com>",
    "Date: Sat, 5 Dec 2026 09:12:03 +0100",
    "Message-ID: <CAJx3k9Vb7zQ1cYh0Pq2mK8sWf4nGdT6r@mail.gmail.com>",
    "Subject: =?UTF-8?Q?Re=3A_Ihr_Vorstellungsgespr=C3=A4ch_bei_Acme?=",
    `To: ${REPLY_TO}`,
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    "",
    `--${boundary}`,
    'Content-Type: text/plain; charset="UTF-8"',
    "Content-Transfer-Encoding: quoted-printable",
    "",
    "Hallo Frau Recruiter,",
    "",
    "Dienstag um 10 Uhr passt mir gut. Ich bringe meine Zeugnisse mit.",
    "",
    "Viele Gr=C3=BC=C3=9Fe",
    "Sam Taylor",
    "",
    "Am Sa., 5. Dez. 2026 um 07:24=E2=80=AFUhr schrieb Jana Recruiter <",
    "jana@example.com>:",
    "",
    "> Hallo Sam,",
    ">",
    "> vielen Dank f=C3=BCr Ihre Bewerbung. Passt Ihnen Dienstag, 8. Dezember, um 10=",
    " Uhr?",
    ">",
    "> Beste Gr=C3=BC=C3=9Fe",
    "> Jana",
    ">",
    "",
    `--${boundary}`,
    'Content-Type: text/html; charset="UTF-8"',
    "Content-Transfer-Encoding: quoted-printable",
    "",
    '<div dir=3D"ltr"><div>Hallo Frau Recruiter,</div><div><br></div><div>Dienstag =',
    "um 10 Uhr passt mir gut. Ich bringe meine Zeugnisse mit.</div><div><br></div><=",
    'div>Viele Gr=C3=BC=C3=9Fe</div><div>Sam Taylor</div></div><br><div class=3D"gm=',
    'ail_quote"><div dir=3D"ltr" class=3D"gmail_attr">Am Sa., 5. Dez. 2026 um 07:24=',
    '=E2=80=AFUhr schrieb Jana Recruiter &lt;<a href=3D"mailto:jana@example.com">jan=',
    'a@example.com</a>&gt;:<br></div><blockquote class=3D"gmail_quote" style=3D"mar=',
    'gin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">=',
    "Hallo Sam,<br><br>vielen Dank f=C3=BCr Ihre Bewerbung.</blockquote></div>",
    "",
    `--${boundary}--`,
  ]);
  expect(await filedText(email)).toEqual({
    text: "Hallo Frau Recruiter,\n\nDienstag um 10 Uhr passt mir gut. Ich bringe meine Zeugnisse mit.\n\nViele Grüße\nSam Taylor",
    usable: true,
  });
});

test("Gmail, English: the attribution wrapped before the address, and only an HTML part", async () => {
  const text = raw([
    "From: Sam Taylor <sam.taylor@gmail.com>",
    `To: ${REPLY_TO}`,
    "Subject: Re: Your interview at Acme",
    "MIME-Version: 1.0",
    'Content-Type: text/plain; charset="UTF-8"',
    "Content-Transfer-Encoding: quoted-printable",
    "",
    "Tuesday at 10 works for me.",
    "",
    "On Sat, Dec 5, 2026 at 7:24=E2=80=AFAM Jana Recruiter <",
    "jana@example.com> wrote:",
    "",
    "> Hi Sam,",
    "> could you do Tuesday at 10?",
    ">",
  ]);
  expect(await filedText(text)).toEqual({ text: "Tuesday at 10 works for me.", usable: true });

  const html = raw([
    "From: Sam Taylor <sam.taylor@gmail.com>",
    `To: ${REPLY_TO}`,
    "Subject: Re: Your interview at Acme",
    "MIME-Version: 1.0",
    'Content-Type: text/html; charset="UTF-8"',
    "Content-Transfer-Encoding: quoted-printable",
    "",
    '<div dir=3D"ltr">Tuesday at 10 works for me.</div><br><div class=3D"gmail_quot=',
    'e"><div dir=3D"ltr" class=3D"gmail_attr">On Sat, Dec 5, 2026 at 7:24=E2=80=AFAM=',
    ' Jana Recruiter &lt;<a href=3D"mailto:jana@example.com">jana@example.com</a>&gt;=',
    ' wrote:<br></div><blockquote class=3D"gmail_quote">Hi Sam,<br>could you do Tue=',
    "sday at 10?</blockquote></div>",
  ]);
  expect(await filedText(html)).toEqual({ text: "Tuesday at 10 works for me.", usable: true });
});

test("Outlook: the From/Sent/To/Subject block, with and without -----Original Message-----", async () => {
  const desktop = raw([
    "From: Sam Taylor <sam.taylor@outlook.com>",
    `To: ${REPLY_TO}`,
    "Subject: RE: Your interview at Acme",
    "Thread-Topic: Your interview at Acme",
    "Thread-Index: AQHbR2vJ8kT0abcdEe2Xyz==",
    "Date: Sat, 5 Dec 2026 08:40:11 +0000",
    "Message-ID: <AM9PR07MB7123ABCDEF0123456789@AM9PR07MB7123.eurprd07.prod.outlook.com>",
    "Content-Language: en-GB",
    'Content-Type: text/plain; charset="us-ascii"',
    "Content-Transfer-Encoding: quoted-printable",
    "MIME-Version: 1.0",
    "",
    "Hi Jana,",
    "",
    "Tuesday at 10 works for me.",
    "",
    "Best regards,",
    "Sam",
    "",
    "From: Jana Recruiter <jana@example.com>=20",
    "Sent: Saturday, December 5, 2026 7:24 AM",
    "To: Sam Taylor <sam.taylor@outlook.com>",
    "Subject: Your interview at Acme",
    "",
    "Hi Sam,",
    "",
    "Could you do Tuesday at 10?",
    "",
    "Jana",
  ]);
  expect(await filedText(desktop)).toEqual({
    text: "Hi Jana,\n\nTuesday at 10 works for me.\n\nBest regards,\nSam",
    usable: true,
  });

  const plainGerman = raw([
    "From: Sam Taylor <sam.taylor@outlook.de>",
    `To: ${REPLY_TO}`,
    "Subject: AW: Ihr =?iso-8859-1?Q?Vorstellungsgespr=E4ch?=",
    "MIME-Version: 1.0",
    'Content-Type: text/plain; charset="iso-8859-1"',
    "Content-Transfer-Encoding: quoted-printable",
    "",
    "Hallo Frau Recruiter,",
    "",
    "Dienstag passt mir, ich freue mich auf das Gespr=E4ch.",
    "",
    "Sam",
    "",
    "-----Urspr=FCngliche Nachricht-----",
    "Von: Jana Recruiter <jana@example.com>=20",
    "Gesendet: Samstag, 5. Dezember 2026 07:24",
    "An: Sam Taylor <sam.taylor@outlook.de>",
    "Betreff: Ihr Vorstellungsgespr=E4ch",
    "",
    "Hallo Sam,",
    "passt Ihnen Dienstag?",
  ]);
  expect(await filedText(plainGerman)).toEqual({
    text: "Hallo Frau Recruiter,\n\nDienstag passt mir, ich freue mich auf das Gespräch.\n\nSam",
    usable: true,
  });
});

test("Apple Mail quotes its attribution line with the rest; the iPhone's footer goes too", async () => {
  const mac = raw([
    "From: Sam Taylor <sam.taylor@icloud.com>",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: quoted-printable",
    "Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3826.300.87.4.3\\))",
    "Subject: Re: Your interview at Acme",
    "Date: Sat, 5 Dec 2026 09:02:44 +0100",
    "Message-Id: <5F1C2D3E-4B5A-6978-8A9B-0C1D2E3F4A5B@icloud.com>",
    `To: ${REPLY_TO}`,
    "X-Mailer: Apple Mail (2.3826.300.87.4.3)",
    "",
    "Hi Jana,",
    "",
    "Tuesday at 10 is perfect, thank you.",
    "",
    "Sam",
    "",
    "> On 5 Dec 2026, at 07:24, Jana Recruiter <jana@example.com> wrote:",
    ">=20",
    "> Hi Sam,",
    ">=20",
    "> Could you do Tuesday at 10?",
    ">=20",
    "> Jana",
    "",
  ]);
  expect(await filedText(mac)).toEqual({
    text: "Hi Jana,\n\nTuesday at 10 is perfect, thank you.\n\nSam",
    usable: true,
  });

  const iphone = raw([
    "From: Sam Taylor <sam.taylor@icloud.com>",
    "Content-Type: text/plain; charset=us-ascii",
    "Content-Transfer-Encoding: 7bit",
    "Mime-Version: 1.0 (1.0)",
    "Subject: Re: Your interview at Acme",
    `To: ${REPLY_TO}`,
    "X-Mailer: iPhone Mail (22B91)",
    "",
    "Yes, Tuesday works.",
    "",
    "Sent from my iPhone",
    "",
    "> On 5 Dec 2026, at 07:24, Jana Recruiter <jana@example.com> wrote:",
    "> ",
    "> Could you do Tuesday at 10?",
  ]);
  expect(await filedText(iphone)).toEqual({ text: "Yes, Tuesday works.", usable: true });
});

test("a candidate's own lines starting with > in the middle of the reply are kept", async () => {
  const email = raw([
    "From: Sam Taylor <sam.taylor@gmail.com>",
    `To: ${REPLY_TO}`,
    "Subject: Re: Your interview at Acme",
    'Content-Type: text/plain; charset="UTF-8"',
    "",
    "Hi Jana,",
    "",
    "here is the summary you asked for:",
    "",
    "> 5 years of Go in production",
    "> 3 years leading a team of four",
    "",
    "I can send references if that helps.",
    "",
    "Sam",
    "",
    "On Sat, Dec 5, 2026 at 7:24 AM Jana Recruiter <jana@example.com> wrote:",
    "",
    "> Hi Sam, could you send a short summary of your experience?",
  ]);
  expect((await filedText(email)).text).toBe(
    "Hi Jana,\n\nhere is the summary you asked for:\n\n> 5 years of Go in production\n> 3 years leading a team of four\n\n" +
      "I can send references if that helps.\n\nSam",
  );
});

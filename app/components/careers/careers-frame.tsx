// The frame of the public careers pages: the candidate pages' frame (company name, main landmark, footer) with a link
// to the same page in the other language. The page's language is set on <html> by the root from the route's data.
import type { ReactNode } from "react";
import { CandidatePage } from "~/components/candidate/candidate-page";
import { LOCALE_NATIVE_NAMES, SUPPORTED_LOCALES, type Locale } from "~/domain/i18n";
import { CAREERS_TEXTS } from "~/domain/careers/texts";

export function CareersFrame({
  company,
  locale,
  path,
  children,
}: {
  company: string;
  locale: Locale;
  /** This page's path, for the language link. */
  path: string;
  children: ReactNode;
}) {
  const t = CAREERS_TEXTS[locale];
  return (
    <CandidatePage company={company} footer={<p>{t.footer(company)}</p>}>
      <nav className="careers-language" aria-label={t.languageNav}>
        <ul>
          {SUPPORTED_LOCALES.filter((other) => other !== locale).map((other) => (
            <li key={other}>
              <a href={`${path}?lang=${other}`} lang={other} hrefLang={other}>
                {LOCALE_NATIVE_NAMES[other]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </CandidatePage>
  );
}

/** Staff-written plain text as paragraphs. */
export function Paragraphs({ paragraphs }: { paragraphs: string[] }) {
  return (
    <>
      {paragraphs.map((paragraph, index) => (
        <p key={index} className="careers-text">
          {paragraph}
        </p>
      ))}
    </>
  );
}

// The frame of every page a candidate sees: the company's name, the content in a main landmark, and a short footer.
// No staff navigation, no staff session. The page's language is set on <html> by the root from the route's data.
import type { ReactNode } from "react";

export function CandidatePage({
  company,
  footer,
  children,
}: {
  /** The company's name; left out where the page cannot know it (a link that does not work). */
  company?: string;
  footer: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="candidate">
      {company ? (
        <header className="candidate__header">
          <p className="candidate__company">{company}</p>
        </header>
      ) : null}
      <main id="main" tabIndex={-1} className="candidate__main">
        {children}
      </main>
      {footer ? <footer className="candidate__footer">{footer}</footer> : null}
    </div>
  );
}

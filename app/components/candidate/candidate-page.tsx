// The frame of every page a candidate sees: the company's name, the content in a main landmark, and a short footer.
// No staff navigation, no staff session. The page's language is set on <html> by the root from the route's data.
import type { ReactNode } from "react";

export function CandidatePage({
  company,
  footer,
  children,
}: {
  company: string;
  footer: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="candidate">
      <header className="candidate__header">
        <p className="candidate__company">{company}</p>
      </header>
      <main id="main" tabIndex={-1} className="candidate__main">
        {children}
      </main>
      <footer className="candidate__footer">{footer}</footer>
    </div>
  );
}

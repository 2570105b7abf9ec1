// "Download CSV" beside every dashboard table: a plain link to the export, so it works without JavaScript.
export function CsvLink({ href, label }: { href: string; label: string }) {
  return (
    <a className="csv-link" href={href} download>
      Download CSV<span className="visually-hidden"> of {label}</span>
    </a>
  );
}

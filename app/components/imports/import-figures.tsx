// An import's figures as labelled numbers: the preview's counts and the finished import's result.
export type Figure = { label: string; value: number; alarming?: boolean };

export function ImportFigures({ figures }: { figures: Figure[] }) {
  return (
    <dl className="import-counts">
      {figures.map(({ label, value, alarming }) => (
        <div key={label} className={alarming && value > 0 ? "import-counts__errors" : undefined}>
          <dt>{label}</dt>
          <dd>{value.toLocaleString("en")}</dd>
        </div>
      ))}
    </dl>
  );
}

// The files a candidate sent with their application (their CV from the careers page), each a download.
import { DateTime } from "~/components/ui/date-time";

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const KIND: Record<string, string> = {
  "application/pdf": "PDF",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word document",
  "application/vnd.oasis.opendocument.text": "OpenDocument text",
};

export function FilesCard({
  applicationId,
  files,
  timeZone,
}: {
  applicationId: string;
  files: { id: string; fileName: string; contentType: string; size: number; createdAt: string | Date }[];
  timeZone: string;
}) {
  return (
    <section className="card" aria-labelledby="files-heading">
      <h2 id="files-heading">Files</h2>
      <ul className="stack">
        {files.map((file) => (
          <li key={file.id}>
            <a href={`/applications/${applicationId}/files/${file.id}`} download={file.fileName}>
              Download {file.fileName}
            </a>
            <br />
            <span className="muted small">
              {KIND[file.contentType] ?? file.contentType}, {sizeText(file.size)}, sent{" "}
              <DateTime value={file.createdAt} timeZone={timeZone} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

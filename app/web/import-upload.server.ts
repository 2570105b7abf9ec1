// Reading an uploaded spreadsheet from a request, bounded: a multipart form post (the Import page, or the API with a
// `file` field) or, for the API, the file itself as the body. Nothing past the size limit is read.
import { MAX_IMPORT_BYTES } from "~/domain/imports/sheet";
import { readBounded } from "~/platform/bounded-read.server";
import { InvalidInputError } from "~/platform/errors.server";

/** What a multipart post carries besides the file: its boundaries, the other fields. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

export type Upload = { fileName: string; content: Uint8Array; form: FormData | null };

export class UploadTooLarge extends Error {
  constructor() {
    super("The file is larger than 20 MB. Split it into smaller files and import each.");
    this.name = "UploadTooLarge";
  }
}

const noFile = () => new InvalidInputError("Choose a file to import.", [{ path: "file", message: "Choose a file." }]);

/** The uploaded file (multipart `file` field, or the raw body named by `fileName`), refused with UploadTooLarge past
 * 20 MB by its Content-Length or as it streams in. */
export async function readUpload(request: Request, fileName = "import"): Promise<Upload> {
  const limit = MAX_IMPORT_BYTES + FORM_OVERHEAD_BYTES;
  const declared = Number(request.headers.get("Content-Length") ?? "");
  if (Number.isFinite(declared) && declared > limit) throw new UploadTooLarge();
  const body = await readBounded(request.body, limit);
  if (!body) throw new UploadTooLarge();
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) {
    if (body.byteLength > MAX_IMPORT_BYTES) throw new UploadTooLarge();
    if (body.byteLength === 0) throw noFile();
    return { fileName, content: new Uint8Array(body), form: null };
  }
  const bytes = body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer;
  const form = await new Request("http://upload.invalid/", {
    method: "POST",
    headers: { "Content-Type": type },
    body: bytes,
  })
    .formData()
    .catch(() => {
      throw new InvalidInputError("The upload could not be read; choose the file and send it again.");
    });
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) throw noFile();
  if (file.size > MAX_IMPORT_BYTES) throw new UploadTooLarge();
  return { fileName: file.name || fileName, content: new Uint8Array(await file.arrayBuffer()), form };
}

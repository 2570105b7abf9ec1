// What kind of document a candidate uploaded, judged by its bytes and never by the name or the type the browser
// claims: a PDF starts with "%PDF-"; a DOCX is a ZIP holding "[Content_Types].xml" and entries under "word/"; an ODT is
// a ZIP whose "mimetype" entry (stored uncompressed, as the OpenDocument format requires) reads
// "application/vnd.oasis.opendocument.text". Reads only the ZIP's central directory, so it costs nothing whatever the
// size, and never inflates anything a sender controls.

export type CvType = "pdf" | "docx" | "odt";

export const CV_CONTENT_TYPES: Record<CvType, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  odt: "application/vnd.oasis.opendocument.text",
};

export const CV_EXTENSIONS: Record<CvType, string> = { pdf: ".pdf", docx: ".docx", odt: ".odt" };

/** The largest CV taken: 10 MB. */
export const MAX_CV_BYTES = 10 * 1024 * 1024;

const ODT_MIMETYPE = "application/vnd.oasis.opendocument.text";
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** The end record is 22 bytes followed by a comment of at most 65,535. */
const MAX_END_RECORD_SEARCH = 22 + 0xffff;
/** More entries than any CV has; a directory claiming more is not read further. */
const MAX_ENTRIES = 10_000;

type ZipEntry = { name: string; method: number; compressedSize: number; localHeaderOffset: number };

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function u16(bytes: Uint8Array, offset: number): number {
  return bytes[offset]! | (bytes[offset + 1]! << 8);
}

function u32(bytes: Uint8Array, offset: number): number {
  return (bytes[offset]! | (bytes[offset + 1]! << 8) | (bytes[offset + 2]! << 16) | (bytes[offset + 3]! << 24)) >>> 0;
}

const latin1 = new TextDecoder("latin1");
const utf8 = new TextDecoder("utf-8", { fatal: false });

/** The central directory's entries, or null when the bytes are not a well-formed ZIP. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  if (bytes.length < 22 || u32(bytes, 0) !== LOCAL_HEADER) return null;
  let end = -1;
  const lowest = Math.max(0, bytes.length - MAX_END_RECORD_SEARCH);
  for (let offset = bytes.length - 22; offset >= lowest; offset -= 1) {
    if (u32(bytes, offset) === END_OF_CENTRAL_DIRECTORY) {
      end = offset;
      break;
    }
  }
  if (end < 0) return null;
  const count = u16(bytes, end + 10);
  const directoryOffset = u32(bytes, end + 16);
  if (count > MAX_ENTRIES || directoryOffset >= end) return null;
  const entries: ZipEntry[] = [];
  let offset = directoryOffset;
  for (let index = 0; index < count; index += 1) {
    if (offset + 46 > end || u32(bytes, offset) !== CENTRAL_HEADER) return null;
    const flags = u16(bytes, offset + 8);
    const nameLength = u16(bytes, offset + 28);
    const extraLength = u16(bytes, offset + 30);
    const commentLength = u16(bytes, offset + 32);
    if (offset + 46 + nameLength > end) return null;
    const nameBytes = bytes.subarray(offset + 46, offset + 46 + nameLength);
    entries.push({
      // Bit 11: the name is UTF-8; else the old IBM code page, which agrees with Latin-1 on the names we look for.
      name: (flags & 0x800 ? utf8 : latin1).decode(nameBytes),
      method: u16(bytes, offset + 10),
      compressedSize: u32(bytes, offset + 20),
      localHeaderOffset: u32(bytes, offset + 42),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** A stored (uncompressed) entry's bytes, or null when it is compressed or does not fit in the file. */
function storedContent(bytes: Uint8Array, entry: ZipEntry): Uint8Array | null {
  if (entry.method !== 0) return null;
  const header = entry.localHeaderOffset;
  if (header + 30 > bytes.length || u32(bytes, header) !== LOCAL_HEADER) return null;
  const start = header + 30 + u16(bytes, header + 26) + u16(bytes, header + 28);
  const stop = start + entry.compressedSize;
  return stop <= bytes.length ? bytes.subarray(start, stop) : null;
}

/** The CV's type from its content, or null when it is none of PDF, DOCX and ODT. */
export function detectCvType(bytes: Uint8Array): CvType | null {
  if (startsWith(bytes, PDF_MAGIC)) return "pdf";
  const entries = zipEntries(bytes);
  if (!entries) return null;
  const names = new Set(entries.map((entry) => entry.name));
  if (names.has("[Content_Types].xml") && entries.some((entry) => entry.name.startsWith("word/"))) return "docx";
  const mimetype = entries.find((entry) => entry.name === "mimetype");
  const content = mimetype ? storedContent(bytes, mimetype) : null;
  if (content && latin1.decode(content).trim() === ODT_MIMETYPE) return "odt";
  return null;
}

/**
 * The name the file is stored and downloaded under: the last part of what the browser sent, without control
 * characters, path separators or characters that are unsafe in a header, at most 120 characters, and always ending in
 * the extension of the type its content has ("cv.exe" that is a PDF becomes "cv.exe.pdf").
 */
export function safeCvFileName(sent: string, type: CvType): string {
  const extension = CV_EXTENSIONS[type];
  const base = (sent.split(/[\\/]/).pop() ?? "")
    .normalize("NFC")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"<>:|?*;]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  const withoutExtension = base.toLowerCase().endsWith(extension) ? base.slice(0, -extension.length) : base;
  const stem =
    [...withoutExtension]
      .slice(0, 120 - extension.length)
      .join("")
      .trim() || "cv";
  return `${stem}${extension}`;
}

/** "Jane Doe CV.pdf" as a Content-Disposition value: an ASCII fallback and the exact name in RFC 5987 form. */
export function attachmentDisposition(fileName: string): string {
  const ascii =
    fileName
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^\x20-\x7e]/g, "_")
      .replace(/["\\%]/g, "_") || "cv";
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

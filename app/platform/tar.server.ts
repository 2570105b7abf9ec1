// Just enough of the tar format for backups: write a folder as PGlite's dumpDataDir does (ustar, regular files and
// folders, names relative to the folder with a leading "/"), as pieces to stream; list the entries of such a tarball.
import fs from "node:fs";
import path from "node:path";

const BLOCK = 512;

export type TarEntry = {
  name: string;
  /** "file", "directory" or anything else the header says (left alone). */
  type: "file" | "directory" | "other";
  data: Uint8Array;
  /** Where the entry starts in the tarball and where the next one starts. */
  start: number;
  end: number;
};

export class TarFormatError extends Error {}

function text(bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  return Buffer.from(end === -1 ? bytes : bytes.subarray(0, end)).toString("utf8");
}

function octal(bytes: Uint8Array): number {
  const digits = text(bytes).trim();
  if (!/^[0-7]*$/.test(digits)) throw new TarFormatError("a tar header has a size that is not a number");
  return digits === "" ? 0 : parseInt(digits, 8);
}

function checksumOf(header: Uint8Array): number {
  let sum = 0;
  for (let index = 0; index < BLOCK; index++) sum += index >= 148 && index < 156 ? 32 : header[index]!;
  return sum;
}

/** The entries of a tarball, in order; throws TarFormatError when it is not one. */
export function tarEntries(tarball: Uint8Array): TarEntry[] {
  const entries: TarEntry[] = [];
  let offset = 0;
  while (offset + BLOCK <= tarball.length) {
    const header = tarball.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) return entries; // the end-of-archive blocks
    if (text(header.subarray(257, 262)) !== "ustar") throw new TarFormatError("not a tar archive");
    if (octal(header.subarray(148, 156)) !== checksumOf(header)) throw new TarFormatError("a tar header is damaged");
    const size = octal(header.subarray(124, 136));
    const prefix = text(header.subarray(345, 500));
    const name = prefix ? `${prefix}/${text(header.subarray(0, 100))}` : text(header.subarray(0, 100));
    const flag = String.fromCharCode(header[156]!);
    const type = flag === "0" || flag === "\0" ? "file" : flag === "5" ? "directory" : "other";
    const dataStart = offset + BLOCK;
    const end = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    if (dataStart + size > tarball.length) throw new TarFormatError("the tar archive is cut short");
    entries.push({ name, type, data: tarball.subarray(dataStart, dataStart + size), start: offset, end });
    offset = end;
  }
  if (entries.length === 0) throw new TarFormatError("not a tar archive");
  return entries; // no end-of-archive blocks: accepted, as tar itself does
}

function field(header: Uint8Array, at: number, length: number, value: string): void {
  header.set(Buffer.from(value, "utf8").subarray(0, length), at);
}

/** A tar entry as pieces (header, data, padding; the data is not copied): a file of mode 0600 or a folder of 0700. */
export function tarEntryPieces(name: string, data: Uint8Array, modifiedAt: Date, folder = false): Uint8Array[] {
  if (Buffer.byteLength(name) > 100) throw new TarFormatError(`tar entry name too long: ${name}`);
  const header = new Uint8Array(BLOCK);
  field(header, 0, 100, name);
  field(header, 100, 8, folder ? "0000700\0" : "0000600\0");
  field(header, 108, 8, "0000000\0");
  field(header, 116, 8, "0000000\0");
  field(header, 124, 12, `${data.length.toString(8).padStart(11, "0")}\0`);
  field(
    header,
    136,
    12,
    `${Math.floor(modifiedAt.getTime() / 1000)
      .toString(8)
      .padStart(11, "0")}\0`,
  );
  field(header, 156, 1, folder ? "5" : "0");
  field(header, 257, 8, "ustar\u000000");
  field(header, 148, 8, `${checksumOf(header).toString(8).padStart(6, "0")}\0 `);
  const padding = (BLOCK - (data.length % BLOCK)) % BLOCK;
  return padding === 0 ? [header, data] : [header, data, new Uint8Array(padding)];
}

/** The end-of-archive marker: two zero blocks. */
export const TAR_END = new Uint8Array(2 * BLOCK);

/** The entries of a whole tarball without its end-of-archive marker, to add more after them. */
export function tarBody(tarball: Uint8Array): Uint8Array {
  return tarball.subarray(0, tarEntries(tarball).at(-1)?.end ?? 0);
}

/** The tarball without the entries `drop` picks (the rest byte for byte). */
export function withoutTarEntries(tarball: Uint8Array, drop: (entry: TarEntry) => boolean): Uint8Array<ArrayBuffer> {
  const kept = tarEntries(tarball).filter((entry) => !drop(entry));
  const size = kept.reduce((total, entry) => total + entry.end - entry.start, 0);
  const result = new Uint8Array(size + TAR_END.length);
  let offset = 0;
  for (const entry of kept) {
    result.set(tarball.subarray(entry.start, entry.end), offset);
    offset += entry.end - entry.start;
  }
  return result;
}

/**
 * The folder's entries as tar pieces (no end-of-archive marker), read with asynchronous I/O and not copied, so the
 * event loop stays free: PGlite's own dumpDataDir reads and packs the files synchronously, seconds on the demo.
 * Folders come before their contents; names are relative to the folder with a leading "/", as PGlite writes them.
 */
export async function tarFolderPieces(root: string): Promise<Uint8Array[]> {
  const pieces: Uint8Array[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await fs.promises.readdir(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      const name = `/${path.relative(root, full).split(path.sep).join("/")}`;
      const stats = await fs.promises.stat(full);
      if (entry.isDirectory()) {
        pieces.push(...tarEntryPieces(name, new Uint8Array(0), stats.mtime, true));
        await walk(full);
      } else if (entry.isFile()) {
        pieces.push(...tarEntryPieces(name, await fs.promises.readFile(full), stats.mtime));
      }
    }
  };
  await walk(root);
  return pieces;
}

// An export's bytes as text: UTF-8 (with or without a byte-order mark), UTF-16 when it starts with that mark (Excel's
// "Unicode text"), and Windows-1252 for older exports that are not valid UTF-8. Pure (TextDecoder is in browsers and
// Node alike).
export function decodeExport(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

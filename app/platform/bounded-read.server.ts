// Reading a byte stream (a request body, another system's answer) with a size limit: dropped as soon as it is too
// large, so no sender can make the server hold more than the limit.

/** The stream's bytes, or null once it passed `maxBytes` (the rest is cancelled, not read). */
export async function readBounded(stream: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Buffer | null> {
  if (!stream) return Buffer.alloc(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

import { expect, test } from "vitest";
import { attachmentDisposition, detectCvType, safeCvFileName, zipEntries } from "./file-type";

const encoder = new TextEncoder();

/** A ZIP of stored (uncompressed) entries, as tools write them: local headers, central directory, end record. The
 * reader never checks CRCs, so they stay zero. */
function zip(entries: { name: string; content: string; method?: number }[]): Uint8Array {
  const locals: number[] = [];
  const central: number[] = [];
  const u16 = (value: number) => [value & 0xff, (value >> 8) & 0xff];
  const u32 = (value: number) => [value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff, (value >>> 24) & 0xff];
  for (const entry of entries) {
    const name = [...encoder.encode(entry.name)];
    const content = [...encoder.encode(entry.content)];
    const offset = locals.length;
    const method = entry.method ?? 0;
    locals.push(...u32(0x04034b50), ...u16(20), ...u16(0), ...u16(method), ...u16(0), ...u16(0), ...u32(0));
    locals.push(...u32(content.length), ...u32(content.length), ...u16(name.length), ...u16(0), ...name, ...content);
    central.push(...u32(0x02014b50), ...u16(20), ...u16(20), ...u16(0x800), ...u16(method), ...u16(0), ...u16(0));
    central.push(...u32(0), ...u32(content.length), ...u32(content.length), ...u16(name.length), ...u16(0), ...u16(0));
    central.push(...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...name);
  }
  const end = [
    ...u32(0x06054b50),
    ...u16(0),
    ...u16(0),
    ...u16(entries.length),
    ...u16(entries.length),
    ...u32(central.length),
    ...u32(locals.length),
    ...u16(0),
  ];
  return Uint8Array.from([...locals, ...central, ...end]);
}

const DOCX = zip([
  { name: "[Content_Types].xml", content: "<Types/>" },
  { name: "_rels/.rels", content: "<Relationships/>" },
  { name: "word/document.xml", content: "<w:document/>" },
]);
const ODT = zip([
  { name: "mimetype", content: "application/vnd.oasis.opendocument.text" },
  { name: "content.xml", content: "<office:document-content/>" },
]);

test("a PDF is known by its magic bytes, whatever follows", () => {
  expect(detectCvType(encoder.encode("%PDF-1.7\n%âãÏÓ\n1 0 obj"))).toBe("pdf");
  expect(detectCvType(encoder.encode("%PDF"))).toBeNull();
  expect(detectCvType(encoder.encode(" %PDF-1.7"))).toBeNull();
  expect(detectCvType(encoder.encode("<html>%PDF-1.7</html>"))).toBeNull();
});

test("a DOCX is a ZIP with [Content_Types].xml and entries under word/", () => {
  expect(detectCvType(DOCX)).toBe("docx");
  expect(zipEntries(DOCX)?.map((entry) => entry.name)).toEqual([
    "[Content_Types].xml",
    "_rels/.rels",
    "word/document.xml",
  ]);
  // An XLSX is a ZIP with content types too, but its parts are under xl/.
  expect(
    detectCvType(
      zip([
        { name: "[Content_Types].xml", content: "" },
        { name: "xl/workbook.xml", content: "" },
      ]),
    ),
  ).toBeNull();
  expect(detectCvType(zip([{ name: "word/document.xml", content: "" }]))).toBeNull();
});

test("an ODT is a ZIP whose stored mimetype entry names the text document type", () => {
  expect(detectCvType(ODT)).toBe("odt");
  const spreadsheet = zip([{ name: "mimetype", content: "application/vnd.oasis.opendocument.spreadsheet" }]);
  expect(detectCvType(spreadsheet)).toBeNull();
  // The format requires the entry stored; a compressed one is not read (nothing a sender sends is inflated).
  const compressed = zip([{ name: "mimetype", content: "application/vnd.oasis.opendocument.text", method: 8 }]);
  expect(detectCvType(compressed)).toBeNull();
});

test("other files, broken ZIPs and lying directories are refused without throwing", () => {
  expect(detectCvType(new Uint8Array())).toBeNull();
  expect(detectCvType(encoder.encode("MZ\x90\x00 an executable"))).toBeNull();
  expect(detectCvType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBeNull();
  // A truncated DOCX: the end record is gone.
  expect(detectCvType(DOCX.subarray(0, DOCX.length - 10))).toBeNull();
  // A directory offset pointing past the end record.
  const lying = DOCX.slice();
  lying[lying.length - 6] = 0xff;
  lying[lying.length - 5] = 0xff;
  expect(detectCvType(lying)).toBeNull();
});

test("stored file names keep what the candidate called them, made safe, with the extension of their content", () => {
  expect(safeCvFileName("Jana Müller CV.pdf", "pdf")).toBe("Jana Müller CV.pdf");
  expect(safeCvFileName("C:\\Users\\jana\\cv.PDF", "pdf")).toBe("cv.pdf");
  expect(safeCvFileName("../../etc/passwd", "pdf")).toBe("passwd.pdf");
  expect(safeCvFileName('cv"; filename="evil.html', "docx")).toBe("cv filename=evil.html.docx");
  expect(safeCvFileName("lebenslauf.odt", "odt")).toBe("lebenslauf.odt");
  expect(safeCvFileName("cv.exe", "pdf")).toBe("cv.exe.pdf");
  expect(safeCvFileName("\u0000\u001f", "pdf")).toBe("cv.pdf");
  expect(safeCvFileName(".hidden.pdf", "pdf")).toBe("hidden.pdf");
  expect([...safeCvFileName("a".repeat(500), "docx")].length).toBe(120);
});

test("downloads are attachments with an ASCII name and the exact name in RFC 5987 form", () => {
  expect(attachmentDisposition("Jana Müller CV.pdf")).toBe(
    `attachment; filename="Jana Muller CV.pdf"; filename*=UTF-8''Jana%20M%C3%BCller%20CV.pdf`,
  );
  expect(attachmentDisposition("résumé 100%.pdf")).toBe(
    `attachment; filename="resume 100_.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9%20100%25.pdf`,
  );
  expect(attachmentDisposition("简历.pdf")).toMatch(/^attachment; filename="__\.pdf"; filename\*=UTF-8''/);
});

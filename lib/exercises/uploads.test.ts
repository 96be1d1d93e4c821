import { describe, expect, it } from "vitest";
import { UPLOAD_MAX_BYTES, checkUpload, sniffImageType } from "./uploads";

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const webp = new Uint8Array([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50]);
const text = (s: string) => new TextEncoder().encode(s);

describe("uploaded exercise pictures", () => {
  it("are recognised by their first bytes", () => {
    expect(sniffImageType(png)).toBe("image/png");
    expect(sniffImageType(jpeg)).toBe("image/jpeg");
    expect(sniffImageType(webp)).toBe("image/webp");
  });

  it("refuses SVG and HTML, whatever the file is called", () => {
    for (const hostile of [
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
      '<?xml version="1.0"?><svg><script>alert(1)</script></svg>',
      "<html><script>alert(1)</script></html>",
      "GIF89a",
    ]) {
      expect(sniffImageType(text(hostile))).toBeNull();
      expect(checkUpload(text(hostile))).toEqual({ ok: false, message: "Use a PNG, JPEG or WebP picture" });
    }
  });

  it("refuses an empty file and one over 2 MB", () => {
    expect(checkUpload(new Uint8Array())).toMatchObject({ ok: false, message: "Choose a picture to upload" });
    const big = new Uint8Array(UPLOAD_MAX_BYTES + 1);
    big.set(png);
    expect(checkUpload(big)).toMatchObject({ ok: false, message: expect.stringContaining("2 MB") });
    const fits = new Uint8Array(UPLOAD_MAX_BYTES);
    fits.set(png);
    expect(checkUpload(fits)).toEqual({ ok: true, type: "image/png" });
  });
});

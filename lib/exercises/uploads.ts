import { z } from "zod";

/**
 * Pictures practitioners upload for an exercise. Only raster images a browser shows as images (never
 * SVG or HTML, which can carry script), recognised by their first bytes rather than the name or the type
 * the browser claims, and small enough for a phone on a slow connection.
 */
export const UPLOAD_MAX_BYTES = 2 * 1024 * 1024;
export const UPLOAD_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export type UploadType = (typeof UPLOAD_TYPES)[number];

/** The image type given by a file's first bytes, or null when it is not a PNG, JPEG or WebP. */
export function sniffImageType(bytes: Uint8Array): UploadType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (bytes.length >= 8 && starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (bytes.length >= 3 && starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (bytes.length >= 12 && starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) return "image/webp";
  return null;
}

/** The words sent with an uploaded picture (the file itself is checked by sniffImageType and the size). */
export const ExercisePictureSchema = z.object({
  exerciseId: z.uuid({ message: "Choose an exercise" }),
  phase: z.enum(["start", "end"], { message: "Choose start or end position" }),
  alt: z.string().trim().min(5, "Describe the picture for people who cannot see it").max(200, "Use at most 200 characters"),
  licence: z.string().trim().min(2, "Give the picture's licence (for example: own photo, all rights reserved)").max(80, "Use at most 80 characters"),
  attribution: z.string().trim().min(2, "Say who made the picture").max(120, "Use at most 120 characters"),
});
export type ExercisePictureInput = z.infer<typeof ExercisePictureSchema>;

/** Checks an uploaded file: a message for the "file" field, or the type to store it as. */
export function checkUpload(bytes: Uint8Array): { ok: true; type: UploadType } | { ok: false; message: string } {
  if (bytes.length === 0) return { ok: false, message: "Choose a picture to upload" };
  if (bytes.length > UPLOAD_MAX_BYTES) return { ok: false, message: "The picture is larger than 2 MB; please use a smaller one" };
  const type = sniffImageType(bytes);
  if (!type) return { ok: false, message: "Use a PNG, JPEG or WebP picture" };
  return { ok: true, type };
}

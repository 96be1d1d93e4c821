/**
 * `npm run exercises:pictures`: draws the start and end pictures of every exercise from its poses
 * (lib/exercises/poses.ts) into public/exercises/<slug>-start.svg and -end.svg. The files are committed;
 * a unit test fails when they no longer match the poses.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { exercisePictureFiles, PICTURES_DIR } from "@/lib/exercises/pictures";

const dir = path.join(import.meta.dirname, "..", "public", PICTURES_DIR);
mkdirSync(dir, { recursive: true });
const files = exercisePictureFiles();
for (const old of readdirSync(dir)) if (old.endsWith(".svg") && !(old in files)) rmSync(path.join(dir, old));
for (const [name, svg] of Object.entries(files)) writeFileSync(path.join(dir, name), svg);
console.warn(`wrote ${Object.keys(files).length} pictures to public/${PICTURES_DIR}`);

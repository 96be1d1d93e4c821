import { renderPose } from "./figure";
import { EXERCISE_POSES, OWN_PICTURE_ATTRIBUTION, OWN_PICTURE_LICENCE } from "./poses";

/** Our drawings live in public/exercises/ (served as static files, cached, never run as a page). */
export const PICTURES_DIR = "exercises";

export const ownPictureUrl = (slug: string, phase: "start" | "end") => `/${PICTURES_DIR}/${slug}-${phase}.svg`;

/** Every drawing, file name → SVG text, as `npm run exercises:pictures` writes them. */
export function exercisePictureFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [slug, poses] of Object.entries(EXERCISE_POSES)) {
    files[`${slug}-start.svg`] = renderPose(poses.start, `Start position. ${poses.startAlt}`);
    files[`${slug}-end.svg`] = renderPose(poses.end, `End position. ${poses.endAlt}`);
  }
  return files;
}

/** The picture columns of an exercise that has drawings of ours (null when it has none). */
export function ownPicturesFor(slug: string) {
  const poses = EXERCISE_POSES[slug];
  if (!poses) return null;
  return {
    pictureStartUrl: ownPictureUrl(slug, "start"),
    pictureStartAlt: poses.startAlt,
    pictureEndUrl: ownPictureUrl(slug, "end"),
    pictureEndAlt: poses.endAlt,
    pictureLicence: OWN_PICTURE_LICENCE,
    pictureAttribution: OWN_PICTURE_ATTRIBUTION,
  };
}

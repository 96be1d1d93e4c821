import { RED_FLAGS, type RedFlagCode } from "@/lib/triage/red-flags";

/** What a hands-on therapist should do about each red flag, in plain words. Data a clinician can tune. */
export const PRECAUTIONS: Record<RedFlagCode, string> = {
  bladder_bowel_change: "Possible cauda equina: no treatment until a physician has seen the patient.",
  saddle_numbness: "Possible cauda equina: no treatment until a physician has seen the patient.",
  progressive_leg_weakness: "Progressive neurological signs: no treatment until a physician has seen the patient.",
  bilateral_sciatica: "Bilateral nerve pain: no treatment until a physician has seen the patient.",
  fever_or_infection: "Possible infection: postpone hands-on work until cleared; no treatment with a fever.",
  immunosuppressed: "Immune suppression: strict hygiene; avoid broken skin; gentle pressure.",
  major_trauma: "Recent trauma: no deep work over the injured area until fracture is ruled out.",
  osteoporosis_or_steroids: "Fragile bones: no deep pressure or thrusts over the spine and ribs.",
  cancer_history: "History of cancer: light pressure only; avoid areas of known disease; check with the physician.",
  unexplained_weight_loss: "Unexplained weight loss: check with the physician before treating.",
  severe_night_pain: "Severe night pain: gentle work only until the physician has reviewed.",
};

export function precautionsFor(codes: readonly string[]) {
  return RED_FLAGS.filter((f) => codes.includes(f.code)).map((f) => ({ code: f.code, question: f.question, precaution: PRECAUTIONS[f.code] }));
}

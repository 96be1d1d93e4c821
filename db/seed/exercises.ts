import type { DbOrTx } from "../client";
import { exercises, regimenTemplates } from "../schema";
import { ownPicturesFor } from "@/lib/exercises/pictures";
import type { BodyArea, Difficulty, Position } from "@/lib/regimens/kinds";
import type { RegimenItemInput } from "@/lib/regimens/schemas";

/** The exercise library, in our own plain words. A clinician can edit any of it at /cases/exercises. */
export const EXERCISES: Array<{ slug: string; name: string; bodyArea: BodyArea; position: Position; difficulty: Difficulty; equipment: string; instructions: string; precautions?: string }> = [
  {
    slug: "hamstring-towel-stretch",
    name: "Hamstring stretch with a towel",
    bodyArea: "hamstrings",
    position: "lying_on_back",
    difficulty: "easy",
    equipment: "Towel or belt",
    instructions:
      "Lie on your back with both knees bent. Loop a towel around the ball of one foot and straighten that leg towards the ceiling until you feel a gentle pull behind the thigh. Keep your lower back resting on the floor. Hold, breathe slowly, then lower and switch legs.",
    precautions: "Stop if you feel tingling or pain going down the leg.",
  },
  {
    slug: "knee-to-chest",
    name: "Knee to chest",
    bodyArea: "lower_back",
    position: "lying_on_back",
    difficulty: "easy",
    equipment: "Mat",
    instructions:
      "Lie on your back with knees bent. Hold behind one knee and gently draw it towards your chest until you feel a stretch in your lower back and buttock. Hold, then lower slowly and do the other side.",
  },
  {
    slug: "double-knee-to-chest",
    name: "Double knee to chest",
    bodyArea: "lower_back",
    position: "lying_on_back",
    difficulty: "easy",
    equipment: "Mat",
    instructions: "Lie on your back and bring one knee, then the other, towards your chest. Hold behind both knees and rock gently. Lower one leg at a time.",
    precautions: "Avoid if bending forward makes leg pain worse.",
  },
  {
    slug: "pelvic-tilt",
    name: "Pelvic tilt",
    bodyArea: "lower_back",
    position: "lying_on_back",
    difficulty: "easy",
    equipment: "Mat",
    instructions:
      "Lie on your back with knees bent and feet flat. Tighten your stomach and gently flatten the small of your back into the floor by tilting your pelvis up. Hold, then relax. Keep breathing throughout.",
  },
  {
    slug: "cat-cow",
    name: "Cat–cow",
    bodyArea: "lower_back",
    position: "all_fours",
    difficulty: "easy",
    equipment: "Mat",
    instructions:
      "On hands and knees, hands under shoulders and knees under hips. Slowly round your back up towards the ceiling and let your head drop, then let your back sag gently and lift your head. Move slowly within a comfortable range.",
  },
  {
    slug: "childs-pose",
    name: "Child's pose",
    bodyArea: "lower_back",
    position: "kneeling",
    difficulty: "easy",
    equipment: "Mat",
    instructions:
      "Kneel, then sit back towards your heels and walk your hands forward until your forehead rests on the floor or a cushion. Let your back lengthen and breathe into it. Come up slowly.",
    precautions: "Use a pillow under your hips if your knees complain.",
  },
  {
    slug: "partial-crunch",
    name: "Partial crunch",
    bodyArea: "core",
    position: "lying_on_back",
    difficulty: "moderate",
    equipment: "Mat",
    instructions:
      "Lie on your back with knees bent and arms crossed over your chest. Tighten your stomach and lift your shoulders just off the floor, keeping your lower back down. Breathe out as you lift, hold a moment, and lower slowly. 8 to 12 times.",
    precautions: "Do not pull on your neck or sit all the way up.",
  },
  {
    slug: "bird-dog",
    name: "Bird dog",
    bodyArea: "core",
    position: "all_fours",
    difficulty: "moderate",
    equipment: "Mat",
    instructions:
      "On hands and knees, tighten your stomach. Reach one arm forward and the opposite leg back until both are level with your body, keeping your back still and your hips level. Hold, return, and switch sides.",
  },
  {
    slug: "glute-bridge",
    name: "Glute bridge",
    bodyArea: "glutes",
    position: "lying_on_back",
    difficulty: "easy",
    equipment: "Mat",
    instructions:
      "Lie on your back, knees bent, feet hip-width apart. Squeeze your buttocks and lift your hips until your body makes a straight line from shoulders to knees. Hold, then lower one segment of your spine at a time.",
  },
  {
    slug: "piriformis-stretch",
    name: "Piriformis stretch",
    bodyArea: "hips",
    position: "lying_on_back",
    difficulty: "easy",
    equipment: "Mat",
    instructions:
      "Lie on your back with knees bent. Cross one ankle over the opposite knee. Hold behind the uncrossed thigh and draw it towards you until you feel a stretch deep in the buttock of the crossed leg. Hold and switch.",
  },
  {
    slug: "lumbar-rotation",
    name: "Lower back rotation",
    bodyArea: "lower_back",
    position: "lying_on_back",
    difficulty: "easy",
    equipment: "Mat",
    instructions:
      "Lie on your back with knees bent and together, arms out to the sides. Keeping your shoulders on the floor, let both knees fall slowly to one side, hold, then bring them back through the middle and to the other side.",
  },
  {
    slug: "prone-press-up",
    name: "Prone press-up",
    bodyArea: "lower_back",
    position: "lying_on_front",
    difficulty: "moderate",
    equipment: "Mat",
    instructions: "Lie on your front with hands under your shoulders. Keeping your hips on the floor, straighten your arms slowly to lift your chest, letting your back sag. Hold briefly and lower.",
    precautions: "Stop if pain moves further down the leg; tell your therapist.",
  },
  {
    slug: "dead-bug",
    name: "Dead bug",
    bodyArea: "core",
    position: "lying_on_back",
    difficulty: "moderate",
    equipment: "Mat",
    instructions:
      "Lie on your back with arms pointing to the ceiling and hips and knees bent at right angles. Keeping your lower back gently pressed down, slowly lower one arm behind your head and the opposite leg towards the floor, then return and switch.",
  },
  {
    slug: "modified-side-plank",
    name: "Modified side plank",
    bodyArea: "core",
    position: "side_lying",
    difficulty: "moderate",
    equipment: "Mat",
    instructions:
      "Lie on your side propped on your forearm, knees bent behind you. Lift your hips so your body is straight from head to knees. Hold, breathing steadily, then lower and do the other side.",
  },
  {
    slug: "hip-flexor-stretch",
    name: "Kneeling hip flexor stretch",
    bodyArea: "hips",
    position: "kneeling",
    difficulty: "easy",
    equipment: "Cushion for the knee",
    instructions:
      "Kneel on one knee with the other foot in front. Tuck your tailbone under and shift your weight forward until you feel a stretch at the front of the back hip. Keep your trunk upright. Hold and switch.",
  },
  {
    slug: "foam-roll-glutes",
    name: "Foam rolling: buttocks",
    bodyArea: "glutes",
    position: "sitting",
    difficulty: "easy",
    equipment: "Foam roller",
    instructions:
      "Sit on the roller with hands behind you for support. Cross one ankle over the other knee and lean towards that side. Roll slowly over the buttock, pausing on tender spots for a few breaths.",
    precautions: "Avoid rolling directly over the spine or over bruises.",
  },
  {
    slug: "foam-roll-quadratus-lumborum",
    name: "Foam rolling: side of the lower back",
    bodyArea: "lower_back",
    position: "side_lying",
    difficulty: "moderate",
    equipment: "Foam roller",
    instructions:
      "Lie on your side with the roller under the soft area between your lowest rib and your hip. Support yourself on your forearm and roll a few centimetres up and down, gently, breathing slowly.",
    precautions: "Not over the ribs or the spine. Skip with osteoporosis.",
  },
  {
    slug: "brisk-walking",
    name: "Brisk walking",
    bodyArea: "whole_body",
    position: "walking",
    difficulty: "easy",
    equipment: "Comfortable shoes",
    instructions: "Walk at a pace where you can talk but not sing. Start with what feels comfortable, even 10 minutes, and add a few minutes each week. Stand tall and let your arms swing.",
  },
  {
    slug: "swimming",
    name: "Swimming or water walking",
    bodyArea: "whole_body",
    position: "in_water",
    difficulty: "easy",
    equipment: "Pool",
    instructions: "Swim gently or walk in chest-deep water. Backstroke and front crawl are usually kinder to the back than breaststroke. Keep an easy, steady rhythm.",
    precautions: "Avoid diving and twisting turns.",
  },
  {
    slug: "seated-forward-bend",
    name: "Seated forward bend",
    bodyArea: "lower_back",
    position: "sitting",
    difficulty: "easy",
    equipment: "Chair",
    instructions: "Sit on the edge of a sturdy chair with feet apart. Let your hands slide down your legs towards the floor as you bend forward, letting your head hang. Come up slowly.",
    precautions: "Avoid if bending forward makes leg pain worse.",
  },
  {
    slug: "standing-back-extension",
    name: "Standing back bend",
    bodyArea: "lower_back",
    position: "standing",
    difficulty: "easy",
    equipment: "None",
    instructions: "Stand with feet apart and hands on the back of your hips. Gently lean backwards, looking up, as far as is comfortable. Hold briefly and return. A good break from sitting.",
  },
  {
    slug: "wall-sit",
    name: "Wall sit",
    bodyArea: "glutes",
    position: "standing",
    difficulty: "moderate",
    equipment: "Wall",
    instructions:
      "Stand with your back against a wall and feet a step forward. Slide down until your knees are slightly bent (not past a right angle). Hold with your stomach gently tight, then slide back up.",
  },
  {
    slug: "clamshell",
    name: "Clamshell",
    bodyArea: "hips",
    position: "side_lying",
    difficulty: "easy",
    equipment: "Mat, optional band",
    instructions: "Lie on your side with hips and knees bent and heels together. Keeping your feet touching and your pelvis still, lift the top knee, then lower slowly. Do the other side.",
  },
  {
    slug: "thoracic-extension-chair",
    name: "Upper back extension over a chair",
    bodyArea: "thoracic_spine",
    position: "sitting",
    difficulty: "easy",
    equipment: "Chair with a back",
    instructions:
      "Sit upright with your upper back against the top of the chair. Hands behind your head, gently lean back over the chair, then return. Keeps the upper back moving so the lower back works less.",
  },
  {
    slug: "sciatic-nerve-glide",
    name: "Sciatic nerve glide",
    bodyArea: "hamstrings",
    position: "sitting",
    difficulty: "easy",
    equipment: "Chair",
    instructions: "Sit upright. Slowly straighten one knee while lifting your head to look up, then bend the knee while looking down. Move smoothly; you should feel movement, not a strong stretch.",
    precautions: "Stop if symptoms in the leg increase and stay worse.",
  },
  {
    slug: "supine-marching",
    name: "Marching on your back",
    bodyArea: "core",
    position: "lying_on_back",
    difficulty: "easy",
    equipment: "Mat",
    instructions: "Lie on your back, knees bent. Tighten your stomach gently and lift one foot a few centimetres, lower it, then the other, keeping your pelvis level like a table.",
  },
  {
    slug: "sit-to-stand",
    name: "Sit to stand",
    bodyArea: "glutes",
    position: "sitting",
    difficulty: "easy",
    equipment: "Chair",
    instructions:
      "Sit near the front of a chair, feet under your knees. Lean forward from the hips and stand up using your legs, then sit down slowly with control. Use your hands if you need to at first.",
  },
];

const byName = (slug: string, ids: Map<string, string>) => ids.get(slug)!;

export async function seedExerciseLibrary(db: DbOrTx): Promise<Map<string, string>> {
  const rows = await db
    .insert(exercises)
    .values(EXERCISES.map((e) => ({ ...e, precautions: e.precautions ?? "", ...ownPicturesFor(e.slug) })))
    .onConflictDoNothing()
    .returning({ id: exercises.id, slug: exercises.slug });
  const all = rows.length === EXERCISES.length ? rows : await db.select({ id: exercises.id, slug: exercises.slug }).from(exercises);
  const ids = new Map(all.map((r) => [r.slug, r.id]));

  const dose = (slug: string, d: Partial<RegimenItemInput>): RegimenItemInput => ({ exerciseId: byName(slug, ids), sets: 2, timesPerDay: 1, daysPerWeek: 5, side: "both", notes: "", ...d });
  await db
    .insert(regimenTemplates)
    .values([
      {
        name: "Beginner mobility",
        description: "Gentle daily movement for a sore, stiff back.",
        items: [
          dose("pelvic-tilt", { reps: 10, holdSeconds: 5 }),
          dose("knee-to-chest", { reps: 5, holdSeconds: 20, side: "alternating" }),
          dose("cat-cow", { reps: 10 }),
          dose("brisk-walking", { sets: 1, durationSeconds: 900 }),
        ],
      },
      {
        name: "Core stability",
        description: "Trunk control once pain allows; 4–5 days a week.",
        items: [
          dose("glute-bridge", { sets: 3, reps: 10, holdSeconds: 3 }),
          dose("bird-dog", { sets: 2, reps: 8, holdSeconds: 5, side: "alternating" }),
          dose("dead-bug", { sets: 2, reps: 8, side: "alternating" }),
          dose("modified-side-plank", { sets: 2, durationSeconds: 20, side: "alternating" }),
          dose("partial-crunch", { sets: 2, reps: 10 }),
        ],
      },
      {
        name: "Hips and hamstrings",
        description: "Stretches for a back that is tight through the hips.",
        items: [
          dose("hamstring-towel-stretch", { reps: 3, holdSeconds: 30, side: "alternating" }),
          dose("piriformis-stretch", { reps: 3, holdSeconds: 30, side: "alternating" }),
          dose("hip-flexor-stretch", { reps: 3, holdSeconds: 30, side: "alternating" }),
        ],
      },
    ])
    .onConflictDoNothing();
  return ids;
}

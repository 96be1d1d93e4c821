-- Custom SQL migration: our own start and end drawings (public/exercises, made from the pose model in
-- lib/exercises) for the library's exercises in databases seeded before pictures existed, where the
-- exercise has no pictures yet. New databases get them from the seed.
UPDATE "exercises" AS e SET
  "picture_start_url" = '/exercises/' || v.slug || '-start.svg',
  "picture_start_alt" = v.start_alt,
  "picture_end_url" = '/exercises/' || v.slug || '-end.svg',
  "picture_end_alt" = v.end_alt,
  "picture_licence" = 'CC BY 4.0',
  "picture_attribution" = 'Drawing: Backline clinic'
FROM (VALUES
  ('hamstring-towel-stretch', 'Lying on the back, knees bent, a towel looped around one foot held in both hands.', 'The same leg straightened towards the ceiling, the towel held in both hands, the other foot on the floor.'),
  ('knee-to-chest', 'Lying on the back with both knees bent and feet flat.', 'One knee drawn towards the chest with both hands behind it, the other foot on the floor.'),
  ('double-knee-to-chest', 'Lying on the back with both knees bent and feet flat.', 'Both knees drawn towards the chest, hands holding behind the knees.'),
  ('pelvic-tilt', 'Lying on the back with knees bent and feet flat.', 'The same position with the small of the back pressed into the floor by tilting the pelvis.'),
  ('cat-cow', 'On hands and knees with the back rounded up towards the ceiling and the head dropped.', 'On hands and knees with the back sagging gently and the head lifted.'),
  ('childs-pose', 'On hands and knees.', 'Sitting back towards the heels, arms stretched forward on the floor, forehead resting down.'),
  ('partial-crunch', 'Lying on the back, knees bent, arms crossed over the chest.', 'Shoulders lifted just off the floor, lower back staying down, arms crossed.'),
  ('bird-dog', 'On hands and knees, back flat.', 'One arm reaching forward and the opposite leg reaching back, both level with the body.'),
  ('glute-bridge', 'Lying on the back, knees bent, feet hip-width apart.', 'Hips lifted so the body makes a straight line from shoulders to knees.'),
  ('piriformis-stretch', 'Lying on the back, one ankle crossed over the opposite knee.', 'The uncrossed thigh drawn towards the chest with both hands, the ankle still crossed over it.'),
  ('lumbar-rotation', 'Lying on the back, knees bent and together, arms out to the sides.', 'Both knees lowered slowly to one side, shoulders staying on the floor.'),
  ('prone-press-up', 'Lying on the front, hands under the shoulders.', 'Arms straightened to lift the chest, hips staying on the floor.'),
  ('dead-bug', 'Lying on the back, arms pointing to the ceiling, hips and knees bent at right angles.', 'One arm lowered behind the head and the opposite leg lowered towards the floor, lower back pressed down.'),
  ('modified-side-plank', 'Lying on one side propped on the forearm, knees bent behind.', 'Hips lifted so the body is straight from head to knees, resting on the forearm.'),
  ('hip-flexor-stretch', 'Kneeling on one knee on a cushion, the other foot flat in front, trunk upright.', 'Weight shifted forward, tailbone tucked, a stretch at the front of the back hip.'),
  ('foam-roll-glutes', 'Sitting on a foam roller, hands behind for support, one ankle crossed over the other knee.', 'Leaning towards the crossed leg and rolling slowly over the buttock.'),
  ('foam-roll-quadratus-lumborum', 'Lying on one side on a foam roller placed between the lowest rib and the hip, propped on the forearm.', 'Rolling a few centimetres up and down over the side of the lower back.'),
  ('brisk-walking', 'Walking tall, one leg striding forward, arms swinging.', 'The next stride, the other leg forward.'),
  ('swimming', 'Walking in chest-deep water, one leg forward.', 'The next step in the water, the other leg forward.'),
  ('seated-forward-bend', 'Sitting on the edge of a chair, feet apart, hands on the thighs.', 'Bending forward from the hips, hands sliding towards the floor, head hanging.'),
  ('standing-back-extension', 'Standing with feet apart, hands on the back of the hips.', 'Leaning gently backwards, looking up, hands supporting the hips.'),
  ('wall-sit', 'Standing with the back against a wall, feet a step forward.', 'Slid down the wall until the knees are bent, not past a right angle.'),
  ('clamshell', 'Lying on one side, hips and knees bent, heels together, head resting on the arm.', 'The top knee lifted with the feet still touching and the pelvis still.'),
  ('thoracic-extension-chair', 'Sitting upright against the chair back, hands behind the head.', 'Leaning back gently over the top of the chair, looking up.'),
  ('sciatic-nerve-glide', 'Sitting upright, knee bent, looking down.', 'One knee straightened while looking up.'),
  ('supine-marching', 'Lying on the back, knees bent, stomach gently tight.', 'One foot lifted a few centimetres off the floor, the pelvis level.'),
  ('sit-to-stand', 'Sitting near the front of a chair, feet under the knees, leaning forward from the hips.', 'Standing up in front of the chair.')
) AS v(slug, start_alt, end_alt)
WHERE e."slug" = v.slug AND e."picture_start_url" IS NULL AND e."picture_end_url" IS NULL;
--> statement-breakpoint
-- Intakes the front desk typed on the phone: the booking's audit event names who made it.
UPDATE "intakes" AS i SET "entered_by" = 'staff', "entered_by_user_id" = a."actor_user_id"
FROM "audit_events" AS a
WHERE a."action" = 'appointment.requested' AND a."entity_type" = 'appointment' AND a."entity_id" = i."appointment_id"::text
  AND a."actor_role" IN ('staff', 'admin');

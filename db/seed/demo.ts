import { eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { practitioners, users } from "../schema";
import type { Discipline } from "@/lib/clinic/disciplines";
import type { RoomKind } from "@/lib/rooms/kinds";
import { addDaysIso, isoWeekday, localDate, zonedInstant } from "@/lib/time";
import type { WeeklyDay } from "./factories";
import { seedExerciseLibrary } from "./exercises";
import {
  DEMO_PASSWORD,
  addCaseNote,
  addPainScore,
  addPsfs,
  createAppointment,
  createCase,
  createIntake,
  createReferral,
  createRegimen,
  logDay,
  logExercise,
  createLocation,
  createPatient,
  createPractitioner,
  createRoom,
  createService,
  createUser,
  setWorkingHours,
} from "./factories";

/**
 * The demo clinic: a main location in New York and a second in Denver (another zone, its own
 * practitioners and hours), twelve services, eleven practitioners across all five disciplines with lunch
 * breaks, rooms (two massage rooms for three massage therapists in New York: the rooms are the bottleneck),
 * demo accounts (password "backline-demo") and a few past and future appointments placed relative to today.
 */

const TZ = "America/New_York";

const SERVICES = [
  {
    slug: "spine-consultation",
    name: "Spine consultation",
    discipline: "spine_physician",
    durationMinutes: 45,
    bufferAfterMinutes: 15,
    minNoticeMinutes: 24 * 60,
    needsReview: true,
    description: "A first assessment of your back pain by a spine physician: history, examination and a plan.",
  },
  {
    slug: "spine-follow-up",
    name: "Spine follow-up",
    discipline: "spine_physician",
    durationMinutes: 30,
    bufferAfterMinutes: 10,
    minNoticeMinutes: 12 * 60,
    needsReview: true,
    description: "A review of how your plan is working with your spine physician.",
  },
  {
    slug: "chiropractic-adjustment",
    name: "Chiropractic adjustment",
    discipline: "chiropractor",
    durationMinutes: 30,
    bufferAfterMinutes: 5,
    minNoticeMinutes: 4 * 60,
    description: "Assessment and spinal manipulation or mobilisation by a chiropractor.",
  },
  {
    slug: "physical-therapy-evaluation",
    name: "Physical therapy evaluation",
    discipline: "physical_therapist",
    durationMinutes: 60,
    bufferAfterMinutes: 10,
    minNoticeMinutes: 12 * 60,
    description: "Movement assessment and a home exercise programme to start with.",
  },
  {
    slug: "physical-therapy-follow-up",
    name: "Physical therapy follow-up",
    discipline: "physical_therapist",
    durationMinutes: 45,
    bufferAfterMinutes: 10,
    minNoticeMinutes: 4 * 60,
    description: "Progressing your exercises and hands-on treatment.",
  },
  {
    slug: "deep-tissue-massage-60",
    name: "Deep tissue massage (60 min)",
    discipline: "massage_therapist",
    durationMinutes: 60,
    bufferAfterMinutes: 15,
    description: "Slow, firm work on the deeper layers of the back and hip muscles.",
  },
  {
    slug: "deep-tissue-massage-90",
    name: "Deep tissue massage (90 min)",
    discipline: "massage_therapist",
    durationMinutes: 90,
    bufferAfterMinutes: 15,
    description: "A longer deep tissue session for the back, hips and legs.",
  },
  {
    slug: "myofascial-release-60",
    name: "Myofascial release (60 min)",
    discipline: "massage_therapist",
    durationMinutes: 60,
    bufferAfterMinutes: 15,
    description: "Sustained pressure to ease tight fascia around the lower back.",
  },
  {
    slug: "acupressure-30",
    name: "Acupressure (30 min)",
    discipline: "massage_therapist",
    durationMinutes: 30,
    bufferAfterMinutes: 10,
    description: "Finger pressure on points along the back and legs.",
  },
  {
    slug: "shiatsu-60",
    name: "Shiatsu (60 min)",
    discipline: "massage_therapist",
    durationMinutes: 60,
    bufferAfterMinutes: 15,
    description: "Japanese pressure and stretching technique, clothed, on a mat.",
  },
  {
    slug: "craniosacral-therapy-60",
    name: "Craniosacral therapy (60 min)",
    discipline: "massage_therapist",
    durationMinutes: 60,
    bufferAfterMinutes: 15,
    description: "Gentle, light-touch work along the spine and head.",
  },
  {
    slug: "sports-massage-30",
    name: "Sports massage (30 min)",
    discipline: "massage_therapist",
    durationMinutes: 30,
    bufferAfterMinutes: 10,
    description: "Focused work on one area, such as hamstrings or glutes.",
  },
  {
    slug: "sports-massage-60",
    name: "Sports massage (60 min)",
    discipline: "massage_therapist",
    durationMinutes: 60,
    bufferAfterMinutes: 15,
    description: "Pre- or post-activity massage for active people.",
  },
] as const satisfies ReadonlyArray<{
  slug: string;
  name: string;
  discipline: Discipline;
  durationMinutes: number;
  bufferAfterMinutes: number;
  minNoticeMinutes?: number;
  needsReview?: boolean;
  description: string;
}>;

type Slug = (typeof SERVICES)[number]["slug"];

/** Massage needs a massage room, chiropractic a treatment room; the others need none. */
const ROOM_KIND_OF: Partial<Record<Discipline, RoomKind>> = { massage_therapist: "massage", chiropractor: "treatment" };

const weekdays = (days: number[], start: string, end: string, lunch: [string, string]): WeeklyDay[] => days.map((weekday) => ({ weekday, start, end, breaks: [{ start: lunch[0], end: lunch[1] }] }));

const PRACTITIONERS: Array<{
  key: string;
  displayName: string;
  credentials: string;
  discipline: Discipline;
  email?: string;
  bio: string;
  services: Slug[];
  hours: WeeklyDay[];
  /** Works at the Denver location (default: New York). */
  denver?: true;
}> = [
  {
    key: "patel",
    displayName: "Dr. Maya Patel",
    credentials: "MD, Physical Medicine & Rehabilitation",
    discipline: "spine_physician",
    email: "physician@example.com",
    bio: "Non-surgical spine care; leads the weekly case conference.",
    services: ["spine-consultation", "spine-follow-up"],
    hours: weekdays([1, 2, 3, 4], "08:00", "16:00", ["12:00", "12:45"]),
  },
  {
    key: "rossi",
    displayName: "Dr. Elena Rossi",
    credentials: "MD, Sports & Spine Medicine",
    discipline: "spine_physician",
    bio: "Sciatica, disc problems and return to sport.",
    services: ["spine-consultation", "spine-follow-up"],
    hours: weekdays([2, 4, 5], "09:00", "17:00", ["12:30", "13:15"]),
  },
  {
    key: "okafor",
    displayName: "Dr. Daniel Okafor",
    credentials: "DC",
    discipline: "chiropractor",
    email: "chiro@example.com",
    bio: "Manual therapy for acute and chronic low back pain.",
    services: ["chiropractic-adjustment"],
    hours: [...weekdays([1, 3, 5], "09:00", "18:00", ["13:00", "14:00"]), { weekday: 6, start: "09:00", end: "13:00", breaks: [] }],
  },
  {
    key: "lindqvist",
    displayName: "Sofia Lindqvist",
    credentials: "PT, DPT",
    discipline: "physical_therapist",
    email: "physio@example.com",
    bio: "Exercise-based rehabilitation and core stability.",
    services: ["physical-therapy-evaluation", "physical-therapy-follow-up"],
    hours: weekdays([1, 2, 3, 4, 5], "07:30", "15:30", ["11:30", "12:15"]),
  },
  {
    key: "whitfield",
    displayName: "James Whitfield",
    credentials: "PT",
    discipline: "physical_therapist",
    bio: "Post-injury rehab and graded return to work.",
    services: ["physical-therapy-evaluation", "physical-therapy-follow-up"],
    hours: weekdays([2, 3, 4, 5], "11:00", "19:00", ["14:30", "15:15"]),
  },
  {
    key: "reyes",
    displayName: "Marcus Reyes",
    credentials: "LMT",
    discipline: "massage_therapist",
    email: "massage@example.com",
    bio: "Deep tissue and myofascial work for the quadratus lumborum and glutes.",
    services: ["deep-tissue-massage-60", "deep-tissue-massage-90", "myofascial-release-60", "sports-massage-30", "sports-massage-60"],
    hours: weekdays([2, 3, 4, 5, 6], "10:00", "19:00", ["14:00", "14:30"]),
  },
  {
    key: "nair",
    displayName: "Priya Nair",
    credentials: "LMT",
    discipline: "massage_therapist",
    bio: "Shiatsu, acupressure and craniosacral therapy.",
    services: ["acupressure-30", "shiatsu-60", "craniosacral-therapy-60", "deep-tissue-massage-60"],
    hours: weekdays([1, 2, 4, 5], "09:00", "17:00", ["12:30", "13:00"]),
  },
  {
    key: "okoye",
    displayName: "Grace Okoye",
    credentials: "LMT",
    discipline: "massage_therapist",
    bio: "Deep tissue and sports massage for runners and lifters.",
    services: ["deep-tissue-massage-60", "myofascial-release-60", "sports-massage-60"],
    hours: weekdays([1, 2, 3, 4, 5], "09:00", "17:00", ["12:00", "12:30"]),
  },
  {
    key: "ortega",
    displayName: "Dr. Luis Ortega",
    credentials: "DC",
    discipline: "chiropractor",
    bio: "Chiropractic care for desk workers and runners, in Denver.",
    services: ["chiropractic-adjustment"],
    hours: weekdays([1, 2, 3, 4, 5], "08:00", "16:00", ["12:00", "12:45"]),
    denver: true,
  },
  {
    key: "brooks",
    displayName: "Tessa Brooks",
    credentials: "LMT",
    discipline: "massage_therapist",
    bio: "Deep tissue and sports massage, in Denver.",
    services: ["deep-tissue-massage-60", "sports-massage-60"],
    hours: weekdays([1, 2, 3, 4, 5], "10:00", "18:00", ["13:30", "14:00"]),
    denver: true,
  },
  {
    key: "kim",
    displayName: "Hannah Kim",
    credentials: "RN",
    discipline: "nurse",
    email: "nurse@example.com",
    bio: "Coordinates care between the team, referrals and patients.",
    services: [],
    hours: weekdays([1, 2, 3, 4, 5], "08:00", "16:30", ["12:30", "13:00"]),
  },
];

/** Every demo account signs in with DEMO_PASSWORD (listed in the README). */
export const DEMO_ACCOUNTS = [
  { email: "admin@example.com", role: "admin" },
  { email: "staff@example.com", role: "staff" },
  { email: "physician@example.com", role: "practitioner" },
  { email: "chiro@example.com", role: "practitioner" },
  { email: "physio@example.com", role: "practitioner" },
  { email: "massage@example.com", role: "practitioner" },
  { email: "nurse@example.com", role: "practitioner" },
  { email: "patient@example.com", role: "patient" },
  { email: "patient2@example.com", role: "patient" },
] as const;

export async function isSeeded(db: Db): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).limit(1);
  return rows.length > 0;
}

/** The first date on or after `from` that falls on ISO weekday `weekday`. */
function nextWeekday(from: string, weekday: number): string {
  const delta = (weekday - isoWeekday(from) + 7) % 7;
  return addDaysIso(from, delta);
}

export async function seedDemoClinic(db: Db, now: Date = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const exerciseIds = await seedExerciseLibrary(tx);
    await createUser(tx, { role: "admin", email: "admin@example.com", name: "Alex Morgan" });
    await createUser(tx, { role: "staff", email: "staff@example.com", name: "Jordan Lee" });

    const location = await createLocation(tx, {
      name: "Backline Spine & Massage",
      address: "120 Hudson Street, New York, NY 10013",
      phone: "+1 212 555 0142",
      timeZone: TZ,
    });

    // Made a minute after New York: the main location is the first made (ties would fall to the ids).
    const denver = await createLocation(tx, {
      createdAt: new Date(now.getTime() + 60_000),
      name: "Backline Denver",
      address: "1550 Wewatta Street, Denver, CO 80202",
      phone: "+1 303 555 0175",
      timeZone: "America/Denver",
    });

    const serviceBySlug = new Map<Slug, Awaited<ReturnType<typeof createService>>>();
    for (const [i, s] of SERVICES.entries()) {
      serviceBySlug.set(s.slug, await createService(tx, { bufferBeforeMinutes: 0, minNoticeMinutes: 120, needsReview: false, ...s, roomKind: ROOM_KIND_OF[s.discipline] ?? null, sortOrder: i }));
    }

    // Rooms are the bottleneck for massage in New York: two massage rooms for three massage therapists.
    const roomsAt = new Map<string, Map<RoomKind, string>>();
    for (const [at, list] of [
      [
        location,
        [
          ["Massage room 1", "massage"],
          ["Massage room 2", "massage"],
          ["Treatment room", "treatment"],
          ["Exercise studio", "exercise"],
        ],
      ],
      [
        denver,
        [
          ["Massage room", "massage"],
          ["Treatment room", "treatment"],
        ],
      ],
    ] as const) {
      const byKind = new Map<RoomKind, string>();
      for (const [name, kind] of list) {
        const room = await createRoom(tx, { locationId: at.id, name, kind });
        if (!byKind.has(kind)) byKind.set(kind, room.id);
      }
      roomsAt.set(at.id, byKind);
    }
    const roomFor = (locationId: string, slug: Slug) => {
      const kind = ROOM_KIND_OF[serviceBySlug.get(slug)!.discipline];
      return kind ? roomsAt.get(locationId)!.get(kind)! : null;
    };

    const practitionerByKey = new Map<string, Awaited<ReturnType<typeof createPractitioner>>>();
    for (const p of PRACTITIONERS) {
      const practitioner = await createPractitioner(tx, {
        discipline: p.discipline,
        displayName: p.displayName,
        credentials: p.credentials,
        bio: p.bio,
        account: p.email ? { email: p.email } : false,
        serviceIds: p.services.map((slug) => serviceBySlug.get(slug)!.id),
      });
      practitionerByKey.set(p.key, practitioner);
      const at = p.denver ? denver : location;
      await tx.update(practitioners).set({ locationId: at.id }).where(eq(practitioners.id, practitioner.id));
      await setWorkingHours(tx, { practitionerId: practitioner.id, locationId: at.id, days: p.hours, effectiveFrom: "2025-01-01" });
    }

    const ana = await createPatient(tx, { fullName: "Ana Souza", email: "patient@example.com", phone: "+1 917 555 0123", dateOfBirth: "1984-06-12", account: {} });
    const ben = await createPatient(tx, { fullName: "Ben Carter", email: "patient2@example.com", phone: "+1 646 555 0188", dateOfBirth: "1971-11-03", account: {} });
    const cara = await createPatient(tx, { fullName: "Cara Liu", email: "cara.liu@example.net", phone: "+1 347 555 0150", dateOfBirth: "1992-02-28" });
    const dev = await createPatient(tx, { fullName: "Dev Malhotra", email: "dev.m@example.net", phone: "+1 718 555 0177", dateOfBirth: "1966-09-17" });

    // The visits below happened (or were booked) before the red flags further down were reported: check
    // the hands-on gate as each row is written, not at commit, as it was when they were made.
    await tx.execute(sql`set constraints appointments_hands_on_gate immediate`);

    // Place appointments on weekdays relative to today, inside each practitioner's hours.
    const today = localDate(now, TZ);
    const at = (weeksFromNow: number, weekday: number, time: string) => zonedInstant(nextWeekday(addDaysIso(today, weeksFromNow * 7 + 1), weekday), time, TZ);
    const book = (practitioner: string, slug: Slug, patientId: string, startsAt: Date, status: "requested" | "confirmed" | "completed" | "cancelled" | "no_show") =>
      createAppointment(tx, {
        patientId,
        practitionerId: practitionerByKey.get(practitioner)!.id,
        service: serviceBySlug.get(slug)!,
        locationId: location.id,
        roomId: roomFor(location.id, slug),
        startsAt,
        status,
      });

    // Past visits.
    const a1 = await book("patel", "spine-consultation", ana.id, at(-3, 1, "09:00"), "completed");
    const a2 = await book("lindqvist", "physical-therapy-evaluation", ana.id, at(-2, 2, "08:00"), "completed");
    const b1 = await book("reyes", "deep-tissue-massage-60", ben.id, at(-2, 3, "10:00"), "completed");
    const c1 = await book("okafor", "chiropractic-adjustment", cara.id, at(-1, 1, "09:30"), "no_show");
    const a3 = await book("lindqvist", "physical-therapy-follow-up", ana.id, at(-1, 2, "08:00"), "completed");
    // Coming up.
    const a4 = await book("lindqvist", "physical-therapy-follow-up", ana.id, at(0, 2, "08:00"), "confirmed");
    const a5 = await book("reyes", "myofascial-release-60", ana.id, at(1, 4, "15:00"), "confirmed");
    const b2 = await book("patel", "spine-follow-up", ben.id, at(0, 3, "10:00"), "requested");
    // Ben's adjustment waits: his cancer history is not cleared yet (the hands-on gate), so the desk sees
    // it held with who can clear it.
    const b3 = await book("okafor", "chiropractic-adjustment", ben.id, at(1, 1, "11:00"), "requested");
    const c2 = await book("nair", "shiatsu-60", cara.id, at(0, 4, "09:00"), "confirmed");
    const d1 = await book("rossi", "spine-consultation", dev.id, at(1, 2, "09:00"), "requested");
    await book("whitfield", "physical-therapy-evaluation", dev.id, at(0, 5, "11:00"), "cancelled");
    // At the Denver location, on Denver's clock: 10:00 there is noon in New York.
    const denverDay = nextWeekday(addDaysIso(localDate(now, denver.timeZone), 8), 3);
    const c3 = await createAppointment(tx, {
      patientId: cara.id,
      practitionerId: practitionerByKey.get("ortega")!.id,
      service: serviceBySlug.get("chiropractic-adjustment")!,
      locationId: denver.id,
      roomId: roomFor(denver.id, "chiropractic-adjustment"),
      startsAt: zonedInstant(denverDay, "10:00", denver.timeZone),
      status: "confirmed",
    });

    // Cases: one episode of care per patient, at different stages.
    const weeksAgo = (n: number) => new Date(now.getTime() - n * 7 * 86_400_000);
    const user = (key: string) => practitionerByKey.get(key)!.user;
    const anaCase = await createCase(tx, {
      patientId: ana.id,
      status: "in_care",
      durationClass: "chronic",
      painStartedOn: addDaysIso(today, -150),
      leadPractitionerId: practitionerByKey.get("lindqvist")!.id,
      disciplines: ["spine_physician", "physical_therapist", "massage_therapist"],
      openedAt: weeksAgo(3.2),
      searchText: "Ana Souza patient@example.com",
      appointmentIds: [a1.id, a2.id, a3.id, a4.id, a5.id],
    });
    await createIntake(tx, { appointmentId: a1.id, painStartedOn: addDaysIso(today, -150), painScore: 7, worseWith: "Sitting at work, bending to pick up my toddler" });
    for (const [weeks, score] of [
      [3.2, 7],
      [2, 6],
      [1, 5],
      [0.1, 4],
    ] as const)
      await addPainScore(tx, { caseId: anaCase.id, score, recordedAt: weeksAgo(weeks), source: weeks > 3 ? "intake" : "visit" });
    await addPsfs(tx, {
      caseId: anaCase.id,
      kind: "intake",
      recordedAt: weeksAgo(3),
      items: [
        { activity: "Sitting 1 hour", score: 3 },
        { activity: "Lifting my child", score: 2 },
        { activity: "Walking 30 minutes", score: 5 },
      ],
    });
    await addPsfs(tx, {
      caseId: anaCase.id,
      kind: "follow_up",
      recordedAt: weeksAgo(0.5),
      items: [
        { activity: "Sitting 1 hour", score: 6 },
        { activity: "Lifting my child", score: 4 },
        { activity: "Walking 30 minutes", score: 7 },
      ],
    });
    await addCaseNote(tx, {
      caseId: anaCase.id,
      authorUserId: user("patel")!.id,
      authorDiscipline: "spine_physician",
      createdAt: weeksAgo(3),
      body: "Chronic mechanical low back pain, no red flags. Neuro exam normal. Plan: graded exercise with PT, massage for the quadratus lumborum, review in 6 weeks.",
    });
    await addCaseNote(tx, {
      caseId: anaCase.id,
      authorUserId: user("lindqvist")!.id,
      authorDiscipline: "physical_therapist",
      createdAt: weeksAgo(2),
      body: "Evaluation: reduced lumbar flexion, weak glute max. Home programme: pelvic tilt, bridge, bird dog.",
    });
    await addCaseNote(tx, {
      caseId: anaCase.id,
      authorUserId: user("reyes")!.id,
      authorDiscipline: "massage_therapist",
      createdAt: weeksAgo(1),
      body: "Tender left QL and glute med; responded well to myofascial release.",
    });

    // Ana's home programme, started 12 days ago, mostly followed, pain easing.
    const plan = await createRegimen(tx, {
      caseId: anaCase.id,
      patientId: ana.id,
      createdBy: user("lindqvist")!.id,
      title: "Core stability",
      startDate: addDaysIso(today, -12),
      reviewDate: addDaysIso(today, 16),
      items: [
        { exerciseId: exerciseIds.get("glute-bridge")!, sets: 3, reps: 10, holdSeconds: 3 },
        { exerciseId: exerciseIds.get("bird-dog")!, sets: 2, reps: 8, holdSeconds: 5, side: "alternating" },
        { exerciseId: exerciseIds.get("hamstring-towel-stretch")!, sets: 1, reps: 3, holdSeconds: 30, side: "alternating", daysPerWeek: 7 },
        { exerciseId: exerciseIds.get("brisk-walking")!, sets: 1, durationSeconds: 1200, daysPerWeek: 4 },
      ],
    });
    for (let d = 12; d >= 1; d--) {
      const date = addDaysIso(today, -d);
      if (d % 7 === 3) continue; // a missed day
      for (const [n, item] of plan.items.entries()) {
        if (n === 3 && d % 2 === 0) continue;
        await logExercise(tx, { patientId: ana.id, regimenItemId: item.id, logDate: date, setsDone: n === 0 && d % 5 === 0 ? 2 : item.sets });
      }
      await logDay(tx, { patientId: ana.id, logDate: date, pain: Math.max(2, 6 - Math.floor((12 - d) / 3)), comment: d === 2 ? "Walking felt easier today." : "" });
    }

    const benCase = await createCase(tx, {
      patientId: ben.id,
      status: "triaged",
      priority: "within_48h",
      durationClass: "subacute",
      painStartedOn: addDaysIso(today, -60),
      disciplines: ["massage_therapist", "spine_physician", "chiropractor"],
      redFlags: ["cancer_history"],
      awaitingReview: true,
      openedAt: weeksAgo(2.1),
      searchText: "Ben Carter patient2@example.com",
      appointmentIds: [b1.id, b2.id, b3.id],
    });
    await createIntake(tx, { appointmentId: b2.id, painStartedOn: addDaysIso(today, -60), painScore: 5, redFlags: ["cancer_history"], priority: "within_48h", worseWith: "Mornings" });
    await addPainScore(tx, { caseId: benCase.id, score: 5, source: "intake", recordedAt: weeksAgo(2) });
    await createReferral(tx, {
      caseId: benCase.id,
      direction: "incoming",
      specialty: "oncology",
      counterpart: "Dr. R. Alvarez, Hudson Oncology",
      reason: "Low back pain after treatment for prostate cancer (2019); bone scan clear. Please advise on safe exercise.",
      letterText: "Dear colleague, I would be grateful if you could see Mr Carter...",
    });

    const caraCase = await createCase(tx, {
      patientId: cara.id,
      status: "in_care",
      durationClass: "acute",
      painStartedOn: addDaysIso(today, -14),
      leadPractitionerId: practitionerByKey.get("okafor")!.id,
      disciplines: ["chiropractor", "massage_therapist"],
      openedAt: weeksAgo(1.5),
      searchText: "Cara Liu cara.liu@example.net",
      appointmentIds: [c1.id, c2.id, c3.id],
    });
    await addPainScore(tx, { caseId: caraCase.id, score: 6, source: "intake", recordedAt: weeksAgo(1.5) });

    await createCase(tx, {
      patientId: dev.id,
      status: "new",
      priority: "emergency",
      durationClass: "acute",
      painStartedOn: addDaysIso(today, -5),
      disciplines: ["spine_physician"],
      redFlags: ["saddle_numbness"],
      awaitingReview: true,
      openedAt: new Date(now.getTime() - 40 * 60_000),
      searchText: "Dev Malhotra dev.m@example.net",
      appointmentIds: [d1.id],
    });
    await createIntake(tx, {
      appointmentId: d1.id,
      painStartedOn: addDaysIso(today, -5),
      painScore: 8,
      redFlags: ["saddle_numbness"],
      priority: "emergency",
      notes: "Numb when I sit on the toilet since yesterday.",
    });
  });
}

export { DEMO_PASSWORD };

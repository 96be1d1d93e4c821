import type { Metadata } from "next";
import { requireRole } from "@/lib/auth";
import { saveExerciseAction } from "@/lib/regimens/actions";
import { BODY_AREAS, DIFFICULTIES, POSITIONS, label } from "@/lib/regimens/kinds";
import { getExerciseLibrary } from "@/lib/regimens/views";
import { ActionForm, FieldError } from "../../_components/action-form";
import { Badge, Card, PageHeader, inputClass } from "../../_components/ui";
import { PictureUpload } from "./picture-upload";

export const metadata: Metadata = { title: "Exercise library" };

type Exercise = Awaited<ReturnType<typeof getExerciseLibrary>>[number];

function ExerciseFields({ e }: { e?: Exercise }) {
  const select = (name: string, text: string, values: readonly string[], value?: string) => (
    <label className="flex flex-col gap-1 text-sm">
      {text}
      <select name={name} defaultValue={value ?? ""} className={inputClass}>
        <option value="">Choose…</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {label(v)}
          </option>
        ))}
      </select>
      <FieldError name={name} />
    </label>
  );
  return (
    <>
      <input type="hidden" name="id" value={e?.id ?? ""} />
      <label className="flex flex-col gap-1 text-sm">
        Name
        <input name="name" defaultValue={e?.name ?? ""} className={inputClass} />
        <FieldError name="name" />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Instructions (plain words, for the patient)
        <textarea name="instructions" rows={4} defaultValue={e?.instructions ?? ""} className={inputClass} />
        <FieldError name="instructions" />
      </label>
      <div className="grid gap-3 sm:grid-cols-3">
        {select("bodyArea", "Body area", BODY_AREAS, e?.bodyArea)}
        {select("position", "Position", POSITIONS, e?.position)}
        {select("difficulty", "Difficulty", DIFFICULTIES, e?.difficulty)}
      </div>
      <label className="flex flex-col gap-1 text-sm">
        Equipment
        <input name="equipment" defaultValue={e?.equipment ?? "None"} className={inputClass} />
        <FieldError name="equipment" />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Precautions
        <textarea name="precautions" rows={2} defaultValue={e?.precautions ?? ""} className={inputClass} />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Video link (optional, https only)
        <input name="mediaUrl" type="url" defaultValue={e?.mediaUrl ?? ""} className={inputClass} />
        <FieldError name="mediaUrl" />
      </label>
    </>
  );
}

export default async function ExerciseLibraryPage() {
  await requireRole("practitioner", "admin");
  const exercises = await getExerciseLibrary();
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Exercise library" description={`${exercises.length} exercises for lower back care, in our own words.`} />
      <details className="rounded-xl border border-line bg-white p-4">
        <summary className="cursor-pointer font-medium text-brand-700">Add an exercise</summary>
        <ActionForm action={saveExerciseAction} submitLabel="Add exercise" success="Added." className="mt-3">
          <ExerciseFields />
        </ActionForm>
      </details>
      <ul className="grid gap-4 lg:grid-cols-2">
        {exercises.map((e) => (
          <li key={e.id} id={e.slug}>
            <Card className="h-full">
              <h2 className="text-lg font-semibold">{e.name}</h2>
              <p className="mb-2 flex flex-wrap gap-1">
                <Badge>{label(e.bodyArea)}</Badge> <Badge>{label(e.position)}</Badge> <Badge tone="info">{e.difficulty}</Badge> <Badge>{e.equipment}</Badge>
              </p>
              {e.pictureStartUrl || e.pictureEndUrl ? (
                <figure className="mb-3">
                  <div className="grid grid-cols-2 gap-2">
                    {(
                      [
                        ["Start", e.pictureStartUrl, e.pictureStartAlt],
                        ["End", e.pictureEndUrl, e.pictureEndAlt],
                      ] as const
                    ).map(([phase, src, alt]) =>
                      src ? (
                        <div key={phase}>
                          {/* eslint-disable-next-line @next/next/no-img-element -- a static SVG or an uploaded picture */}
                          <img src={src} alt={`${phase} position: ${alt}`} width={240} height={160} loading="lazy" decoding="async" className="h-auto w-full rounded-lg border border-line" />
                          <p className="text-center text-sm text-muted" aria-hidden="true">
                            {phase}
                          </p>
                        </div>
                      ) : null,
                    )}
                  </div>
                  <figcaption className="text-xs text-muted">Pictures: {[e.pictureAttribution, e.pictureLicence].filter(Boolean).join(", ") || "licence not recorded"}</figcaption>
                </figure>
              ) : null}
              <p>{e.instructions}</p>
              {e.precautions ? <p className="mt-2 text-sm">Take care: {e.precautions}</p> : null}
              {e.mediaUrl ? (
                <p className="mt-2 text-sm">
                  <a href={e.mediaUrl} rel="noopener noreferrer" target="_blank" className="text-brand-700 underline">
                    Video<span className="sr-only"> of {e.name}</span>
                  </a>
                </p>
              ) : null}
              <details className="mt-3">
                <summary className="cursor-pointer text-sm text-brand-700">
                  Upload a picture<span className="sr-only"> for {e.name}</span>
                </summary>
                <PictureUpload exerciseId={e.id} exerciseName={e.name} />
              </details>
              <details className="mt-3">
                <summary className="cursor-pointer text-sm text-brand-700">
                  Edit<span className="sr-only"> {e.name}</span>
                </summary>
                <ActionForm action={saveExerciseAction} submitLabel="Save exercise" success="Saved." className="mt-2">
                  <ExerciseFields e={e} />
                </ActionForm>
              </details>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}

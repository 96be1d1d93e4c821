"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useFieldArray, useForm, useWatch, type FieldErrors } from "react-hook-form";
import { saveRegimenAction, saveTemplateAction } from "@/lib/regimens/actions";
import { equipmentOptions, searchExercises } from "@/lib/exercises/search";
import { BODY_AREAS, GENTLE_LIMIT, POSITIONS, SIDES, label } from "@/lib/regimens/kinds";
import { RegimenSchema, type RegimenInput, type RegimenItemInput } from "@/lib/regimens/schemas";
import { applyActionResult, callAction } from "../../../_components/forms";
import { Alert, Button, Field, describedBy, inputClass } from "../../../_components/ui";

interface ExerciseOption {
  id: string;
  name: string;
  instructions: string;
  bodyArea: string;
  position: string;
  equipment: string;
  difficulty: string;
  pictureStartUrl: string | null;
  pictureStartAlt: string;
}

/** A small picture of an exercise's start position: an image, lazy, with its size set (no layout shift). */
function Thumbnail({ exercise, size = "md" }: { exercise: ExerciseOption | undefined; size?: "sm" | "md" }) {
  const [w, h] = size === "sm" ? [72, 48] : [96, 64];
  if (!exercise?.pictureStartUrl) return <span aria-hidden="true" className="inline-block shrink-0 rounded-md border border-dashed border-line bg-canvas" style={{ width: w, height: h }} />;
  // eslint-disable-next-line @next/next/no-img-element -- a static SVG or an uploaded picture: nothing for the image optimiser to do
  return <img src={exercise.pictureStartUrl} alt={exercise.pictureStartAlt} width={w} height={h} loading="lazy" decoding="async" className="shrink-0 rounded-md border border-line bg-canvas" />;
}

/**
 * Find an exercise by name, body area, position and equipment, and add it to the plan. Native inputs and
 * buttons: works with the keyboard and a screen reader; the number of matches is announced.
 */
function ExerciseFinder({ exercises, onAdd, inPlan }: { exercises: ExerciseOption[]; onAdd: (id: string) => void; inPlan: ReadonlySet<string> }) {
  const [text, setText] = useState("");
  const [bodyArea, setBodyArea] = useState("");
  const [position, setPosition] = useState("");
  const [equipment, setEquipment] = useState("");
  const equipmentChoices = useMemo(() => equipmentOptions(exercises), [exercises]);
  const results = searchExercises(exercises, { text, bodyArea, position, equipment });
  const select = (id: string, text: string, value: string, set: (v: string) => void, options: readonly string[]) => (
    <label className="flex flex-col gap-1 text-sm" htmlFor={id}>
      {text}
      <select id={id} value={value} onChange={(e) => set(e.target.value)} className={inputClass}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {label(o)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section aria-labelledby="finder" className="rounded-xl border border-line bg-white p-4">
      <h2 id="finder" className="mb-3 text-lg font-semibold">
        Find an exercise
      </h2>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <label className="flex flex-col gap-1 text-sm" htmlFor="finder-text">
          Search by name
          <input id="finder-text" type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="e.g. bridge, knee, stretch" className={inputClass} />
        </label>
        {select("finder-area", "Body area", bodyArea, setBodyArea, BODY_AREAS)}
        {select("finder-position", "Position", position, setPosition, POSITIONS)}
        {select("finder-equipment", "Equipment", equipment, setEquipment, equipmentChoices)}
      </div>
      <p className="mt-3 text-sm text-muted" role="status">
        {results.length === 1 ? "1 exercise matches" : `${results.length} exercises match`}
      </p>
      <ul aria-label="Matching exercises" className="mt-2 grid max-h-[28rem] gap-2 overflow-y-auto sm:grid-cols-2">
        {results.map((x) => (
          <li key={x.id} className="flex items-center gap-3 rounded-lg border border-line p-2">
            <Thumbnail exercise={x} />
            <div className="min-w-0 flex-1">
              <p className="font-medium">{x.name}</p>
              <p className="text-sm text-muted">
                {label(x.bodyArea)} · {label(x.position)} · {x.equipment}
              </p>
            </div>
            <Button type="button" variant="secondary" className="min-h-11 px-3" disabled={inPlan.has(x.id)} onClick={() => onAdd(x.id)}>
              {inPlan.has(x.id) ? "In the plan" : "Add"}
              <span className="sr-only"> {x.name}</span>
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}

const blankItem = (exerciseId = ""): RegimenItemInput => ({
  exerciseId,
  sets: 2,
  reps: 10,
  durationSeconds: undefined,
  holdSeconds: undefined,
  timesPerDay: 1,
  daysPerWeek: 5,
  side: "both",
  notes: "",
});

/** The regimen builder: exercises with a dose each, in order; templates to start from and to save. */
export function RegimenBuilder({
  defaults,
  exercises,
  templates,
}: {
  defaults: RegimenInput;
  exercises: ExerciseOption[];
  templates: Array<{ id: string; name: string; description: string; items: RegimenItemInput[] }>;
}) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const [templateName, setTemplateName] = useState("");
  const form = useForm<RegimenInput>({ resolver: zodResolver(RegimenSchema), defaultValues: defaults });
  const { register, control, handleSubmit, setError, reset, getValues, getFieldState, formState } = form;
  const { fields, append, remove, move } = useFieldArray({ control, name: "items" });
  const items = useWatch({ control, name: "items" });
  const errors = formState.errors;
  const itemErrors = (i: number) => (errors.items?.[i] ?? {}) as FieldErrors<RegimenItemInput>;

  const onSubmit = handleSubmit(async (values) => {
    const result = await callAction(() => saveRegimenAction(values));
    const error = applyActionResult(result, setError);
    if (error) setMessage({ tone: "danger", text: error });
    else {
      setMessage({ tone: "success", text: `Saved as version ${result.ok ? result.data.version : ""}. The patient has been told.` });
      router.refresh();
    }
  });

  const applyTemplate = (id: string) => {
    const t = templates.find((x) => x.id === id);
    if (!t) return;
    // The plan takes the template's name, unless the practitioner typed a title of their own here: the
    // old plan's title ("Core stability") must not stay over the template's exercises (hamstring stretches).
    const typedTitle = getFieldState("title").isDirty && getValues("title").trim() !== "";
    reset({
      ...getValues(),
      title: typedTitle ? getValues("title") : t.name,
      items: t.items.map((i) => ({ ...blankItem(), reps: undefined, durationSeconds: undefined, holdSeconds: undefined, ...i })),
    });
  };

  const [savingTemplate, setSavingTemplate] = useState(false);
  const saveTemplate = async () => {
    if (savingTemplate) return;
    setSavingTemplate(true);
    const result = await callAction(() => saveTemplateAction({ name: templateName, description: "", items: getValues("items") }));
    setSavingTemplate(false);
    setMessage(result.ok ? { tone: "success", text: `Saved the template “${templateName}”.` } : { tone: "danger", text: result.error.fields?.name ?? result.error.message });
    // The new template belongs in "Start from a template" straight away.
    if (result.ok) router.refresh();
  };

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      {message ? (
        <Alert tone={message.tone} role={message.tone === "danger" ? "alert" : "status"}>
          {message.text}
        </Alert>
      ) : null}
      <input type="hidden" {...register("caseId")} />
      <div className="flex flex-wrap items-end gap-3 rounded-xl border border-line bg-white p-4">
        <label className="flex flex-col gap-1">
          Start from a template
          <select className={inputClass} defaultValue="" onChange={(e) => applyTemplate(e.target.value)} aria-describedby="template-hint">
            <option value="">Choose a template…</option>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <p id="template-hint" className="text-sm text-muted">
          Replaces the exercises below; you can change any dose afterwards.
        </p>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="title" label="Title" error={errors.title?.message}>
          <input {...describedBy("title", { error: errors.title })} {...register("title")} className={inputClass} />
        </Field>
        <Field id="startDate" label="Starts" error={errors.startDate?.message}>
          <input {...describedBy("startDate", { error: errors.startDate })} {...register("startDate")} type="date" className={inputClass} />
        </Field>
        <Field id="reviewDate" label="Review on" error={errors.reviewDate?.message}>
          <input {...describedBy("reviewDate", { error: errors.reviewDate })} {...register("reviewDate")} type="date" className={inputClass} />
        </Field>
      </div>

      {items && items.length > GENTLE_LIMIT ? (
        <Alert tone="warning" title={`${items.length} exercises`}>
          People follow shorter programmes better: above {GENTLE_LIMIT} exercises adherence tends to drop. Consider keeping the most useful ones.
        </Alert>
      ) : null}
      {errors.items?.message || errors.items?.root?.message ? <p className="font-medium text-red-700">{errors.items.message ?? errors.items.root?.message}</p> : null}

      <ExerciseFinder exercises={exercises} inPlan={new Set((items ?? []).map((i) => i.exerciseId))} onAdd={(id) => append(blankItem(id))} />

      <ol className="flex flex-col gap-4" aria-label="Exercises in the plan">
        {fields.map((field, i) => {
          const e = itemErrors(i);
          const id = (name: string) => `items-${i}-${name}`;
          const num = (name: "sets" | "reps" | "durationSeconds" | "holdSeconds" | "timesPerDay" | "daysPerWeek", text: string) => (
            <Field id={id(name)} label={text} error={e[name]?.message}>
              <input
                {...describedBy(id(name), { error: e[name] })}
                {...register(`items.${i}.${name}`, { setValueAs: (v) => (v === "" || v === null || v === undefined ? undefined : Number(v)) })}
                type="number"
                inputMode="numeric"
                className={inputClass}
              />
            </Field>
          );
          return (
            <li key={field.id}>
              <fieldset className="rounded-xl border border-line bg-white p-4">
                <legend className="px-1 font-semibold">Exercise {i + 1}</legend>
                <div className="flex items-start gap-3">
                  <Thumbnail exercise={exercises.find((x) => x.id === items?.[i]?.exerciseId)} size="sm" />
                  <Field className="flex-1" id={id("exerciseId")} label={`Exercise ${i + 1}`} error={e.exerciseId?.message}>
                    <select {...describedBy(id("exerciseId"), { error: e.exerciseId })} {...register(`items.${i}.exerciseId`)} className={inputClass}>
                      <option value="">Choose…</option>
                      {exercises.map((x) => (
                        <option key={x.id} value={x.id}>
                          {x.name} ({label(x.bodyArea)}, {x.difficulty})
                        </option>
                      ))}
                    </select>
                  </Field>
                </div>
                <div className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
                  {num("sets", "Sets")}
                  {num("reps", "Reps")}
                  {num("durationSeconds", "Or seconds")}
                  {num("holdSeconds", "Hold (s)")}
                  {num("timesPerDay", "Times a day")}
                  {num("daysPerWeek", "Days a week")}
                  <Field id={id("side")} label="Side">
                    <select {...register(`items.${i}.side`)} id={id("side")} className={inputClass}>
                      {SIDES.map((s) => (
                        <option key={s} value={s}>
                          {label(s)}
                        </option>
                      ))}
                    </select>
                  </Field>
                </div>
                <Field id={id("notes")} label="Notes for the patient" error={e.notes?.message} className="mt-3">
                  <input {...describedBy(id("notes"), { error: e.notes })} {...register(`items.${i}.notes`)} className={inputClass} />
                </Field>
                <div className="mt-3 flex flex-wrap gap-2">
                  <Button type="button" variant="ghost" disabled={i === 0} onClick={() => move(i, i - 1)}>
                    Move up<span className="sr-only"> exercise {i + 1}</span>
                  </Button>
                  <Button type="button" variant="ghost" disabled={i === fields.length - 1} onClick={() => move(i, i + 1)}>
                    Move down<span className="sr-only"> exercise {i + 1}</span>
                  </Button>
                  <Button type="button" variant="secondary" onClick={() => remove(i)}>
                    Remove exercise {i + 1}
                  </Button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div>
        <Button type="button" variant="secondary" onClick={() => append(blankItem())}>
          Add an exercise
        </Button>
      </div>
      <div className="flex flex-wrap items-end justify-between gap-3 border-t border-line pt-4">
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Saving…" : "Save and assign to the patient"}
        </Button>
        <div className="flex flex-wrap items-end gap-2">
          <label className="flex flex-col gap-1 text-sm">
            Save these exercises as a template
            <input value={templateName} onChange={(ev) => setTemplateName(ev.target.value)} placeholder="Template name" className={inputClass} />
          </label>
          <Button type="button" variant="secondary" onClick={saveTemplate} disabled={savingTemplate || templateName.trim().length < 3}>
            Save template
          </Button>
        </div>
      </div>
    </form>
  );
}

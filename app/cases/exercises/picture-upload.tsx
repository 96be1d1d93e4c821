"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { UNREACHABLE } from "../../_components/forms";
import { Alert, Button, inputClass } from "../../_components/ui";

/** Upload a start or end picture for one exercise (PNG, JPEG or WebP, up to 2 MB), with its words. */
export function PictureUpload({ exerciseId, exerciseName }: { exerciseId: string; exerciseName: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const id = (name: string) => `upload-${exerciseId}-${name}`;
  const error = (name: string) =>
    errors[name] ? (
      <p id={id(`${name}-error`)} className="text-sm font-medium text-red-700">
        {errors[name]}
      </p>
    ) : null;
  const described = (name: string) => (errors[name] ? { "aria-invalid": true, "aria-describedby": id(`${name}-error`) } : {});

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const res = await fetch("/api/exercise-pictures", { method: "POST", body: new FormData(event.currentTarget) });
      const body = (await res.json().catch(() => null)) as { error?: { message?: string; fields?: Record<string, string> } } | null;
      if (res.ok) {
        setErrors({});
        setMessage({ tone: "success", text: "Picture saved." });
        router.refresh();
      } else {
        setErrors(body?.error?.fields ?? {});
        setMessage({ tone: "danger", text: body?.error?.message ?? "The picture could not be saved." });
      }
    } catch {
      setMessage({ tone: "danger", text: UNREACHABLE });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate encType="multipart/form-data" className="mt-2 flex flex-col gap-3">
      {message ? (
        <Alert tone={message.tone} role={message.tone === "danger" ? "alert" : "status"}>
          {message.text}
        </Alert>
      ) : null}
      <input type="hidden" name="exerciseId" value={exerciseId} />
      <fieldset className="flex gap-4 text-sm">
        <legend className="mb-1">Which position?</legend>
        <label className="flex min-h-11 items-center gap-2">
          <input type="radio" name="phase" value="start" defaultChecked className="h-5 w-5 accent-brand-600" /> Start
        </label>
        <label className="flex min-h-11 items-center gap-2">
          <input type="radio" name="phase" value="end" className="h-5 w-5 accent-brand-600" /> End
        </label>
      </fieldset>
      <label className="flex flex-col gap-1 text-sm" htmlFor={id("file")}>
        Picture (PNG, JPEG or WebP, up to 2 MB)
        <input id={id("file")} name="file" type="file" accept="image/png,image/jpeg,image/webp" className={inputClass} {...described("file")} />
      </label>
      {error("file")}
      <label className="flex flex-col gap-1 text-sm" htmlFor={id("alt")}>
        What it shows (read aloud to people who cannot see it)
        <input id={id("alt")} name="alt" maxLength={200} className={inputClass} {...described("alt")} />
      </label>
      {error("alt")}
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="flex flex-col gap-1 text-sm" htmlFor={id("licence")}>
          Licence
          <input id={id("licence")} name="licence" maxLength={80} placeholder="e.g. CC BY 4.0, or own photo" className={inputClass} {...described("licence")} />
        </label>
        <label className="flex flex-col gap-1 text-sm" htmlFor={id("attribution")}>
          Made by
          <input id={id("attribution")} name="attribution" maxLength={120} className={inputClass} {...described("attribution")} />
        </label>
      </div>
      {error("licence")}
      {error("attribution")}
      <div>
        <Button type="submit" variant="secondary" disabled={busy}>
          {busy ? "Uploading…" : "Upload picture"}
          <span className="sr-only"> for {exerciseName}</span>
        </Button>
      </div>
    </form>
  );
}

import { label } from "@/lib/regimens/kinds";
import { formatDay } from "@/lib/time";
import { doseText, type RegimenItemView } from "./regimen";

type SheetItem = RegimenItemView & {
  equipment: string;
  pictureStartUrl?: string | null;
  pictureStartAlt?: string;
  pictureEndUrl?: string | null;
  pictureEndAlt?: string;
  pictureLicence?: string;
  pictureAttribution?: string;
};

/** The printable regimen: plain, large type, one exercise per block, a tick grid for the week. */
export function RegimenSheet({
  title,
  patientName,
  author,
  startDate,
  reviewDate,
  items,
}: {
  title: string;
  patientName: string;
  author: string;
  startDate: string;
  reviewDate: string;
  items: SheetItem[];
}) {
  return (
    <article className="mx-auto max-w-3xl bg-white p-6 text-lg print:p-0">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="mb-4 text-muted">
        For {patientName} · from {author} · started {formatDay(startDate)} · review {formatDay(reviewDate)}
      </p>
      <p className="mb-6">Move gently. Mild discomfort is fine; stop and call us if pain shoots down a leg or you feel numb or weak.</p>
      <ol className="flex flex-col gap-6">
        {items.map((i, n) => (
          <li key={i.id} className="break-inside-avoid border-b border-line pb-4">
            <h2 className="text-xl font-semibold">
              {n + 1}. {i.exerciseName}
            </h2>
            <p className="font-medium">
              {doseText(i)}
              {i.side !== "both" ? ` · ${label(i.side).toLowerCase()}` : ""}
            </p>
            {i.pictureStartUrl || i.pictureEndUrl ? (
              <div className="mt-2 flex gap-2">
                {(
                  [
                    ["Start", i.pictureStartUrl, i.pictureStartAlt],
                    ["End", i.pictureEndUrl, i.pictureEndAlt],
                  ] as const
                ).map(([phase, src, alt]) =>
                  src ? (
                    // eslint-disable-next-line @next/next/no-img-element -- a static SVG or an uploaded picture; eager, so it is there when printed
                    <img key={phase} src={src} alt={`${phase} position: ${alt ?? ""}`} width={180} height={120} className="rounded border border-line" />
                  ) : null,
                )}
              </div>
            ) : null}
            {i.pictureLicence ? <p className="text-xs text-muted">Pictures: {[i.pictureAttribution, i.pictureLicence].filter(Boolean).join(", ")}</p> : null}
            <p className="mt-1">{i.instructions}</p>
            {i.notes ? <p className="mt-1">Note: {i.notes}</p> : null}
            {i.precautions ? <p className="mt-1 text-sm">Take care: {i.precautions}</p> : null}
            <p className="mt-1 text-sm text-muted">You need: {i.equipment}</p>
            <p className="mt-2 font-mono text-sm" aria-hidden="true">
              Mon ☐ Tue ☐ Wed ☐ Thu ☐ Fri ☐ Sat ☐ Sun ☐
            </p>
          </li>
        ))}
      </ol>
    </article>
  );
}

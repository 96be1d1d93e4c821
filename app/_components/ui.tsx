import { clsx, type ClassValue } from "clsx";
import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";
import { twMerge } from "tailwind-merge";

/**
 * Backline's small component kit: native elements styled with Tailwind, no client JavaScript, so every
 * page stays light and works with a keyboard and a screen reader out of the box.
 */

/**
 * Class names, merged: conditional parts (clsx) and, when two classes set the same property, the later
 * one wins (tailwind-merge). A plain string join leaves both in the class list and the stylesheet's order
 * decides — that is how a white button once got white text on the home page.
 */
export function cn(...parts: ClassValue[]): string {
  return twMerge(clsx(parts));
}

type Variant = "primary" | "secondary" | "danger" | "ghost" | "inverse";
const variants: Record<Variant, string> = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 border-transparent",
  secondary: "bg-white text-ink hover:bg-brand-50 border-line",
  danger: "bg-red-700 text-white hover:bg-red-800 border-transparent",
  ghost: "bg-transparent text-brand-700 hover:bg-brand-50 border-transparent",
  // On a brand-coloured background (the home page's hero).
  inverse: "bg-white text-brand-800 hover:bg-brand-50 border-transparent",
};
const buttonBase = "inline-flex min-h-11 items-center justify-center gap-2 rounded-lg border px-4 py-2 text-base font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-60";

export function Button({ variant = "primary", className, ...props }: ComponentProps<"button"> & { variant?: Variant }) {
  return <button className={cn(buttonBase, variants[variant], className)} {...props} />;
}

export function ButtonLink({ variant = "primary", className, ...props }: ComponentProps<typeof Link> & { variant?: Variant }) {
  return <Link className={cn(buttonBase, variants[variant], "no-underline", className)} {...props} />;
}

export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{title}</h1>
        {description ? <p className="mt-1 text-muted">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}

export function Card({ className, ...props }: ComponentProps<"section">) {
  return <section className={cn("rounded-xl border border-line bg-white p-5 shadow-sm", className)} {...props} />;
}

export function CardTitle({ className, ...props }: ComponentProps<"h2">) {
  return <h2 className={cn("mb-3 text-lg font-semibold", className)} {...props} />;
}

type Tone = "neutral" | "info" | "success" | "warning" | "danger";
const tones: Record<Tone, string> = {
  neutral: "bg-slate-100 text-slate-800",
  info: "bg-sky-100 text-sky-900",
  success: "bg-emerald-100 text-emerald-900",
  warning: "bg-amber-100 text-amber-900",
  danger: "bg-red-100 text-red-900",
};

export function Badge({ tone = "neutral", className, ...props }: ComponentProps<"span"> & { tone?: Tone }) {
  return <span className={cn("inline-flex items-center rounded-full px-2.5 py-0.5 text-sm font-medium", tones[tone], className)} {...props} />;
}

/** `role="none"` when the alert sits inside a live region of its own (announced once, not twice). */
export function Alert({ tone = "info", title, children, className, role }: { tone?: Tone; title?: string; children?: ReactNode; className?: string; role?: "alert" | "status" | "none" }) {
  const border: Record<Tone, string> = {
    neutral: "border-slate-300",
    info: "border-sky-300",
    success: "border-emerald-300",
    warning: "border-amber-300",
    danger: "border-red-400",
  };
  return (
    <div role={role === "none" ? undefined : (role ?? (tone === "danger" ? "alert" : "status"))} className={cn("rounded-lg border-l-4 p-4", tones[tone], border[tone], className)}>
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={title ? "mt-1" : undefined}>{children}</div> : null}
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="rounded-lg border border-dashed border-line bg-white p-6 text-center text-muted">{children}</p>;
}

/**
 * A table. On a phone (under 640 px) it scrolls sideways inside its own box while the first column (what
 * each row is about) stays in place, so no column is ever cut off and the page itself never gets wider than
 * the screen. Column headings keep their words whole; cells wrap user text wherever they must.
 */
export function Table({ caption, children, className }: { caption: string; children: ReactNode; className?: string }) {
  return (
    <div className="max-w-full overflow-x-auto rounded-xl border border-line bg-white" role="region" aria-label={caption} tabIndex={0}>
      <table
        className={cn(
          "w-full border-separate border-spacing-0 text-left text-sm [&_td]:border-t [&_td]:border-line [&_td]:px-4 [&_td]:py-3 [&_th]:bg-slate-50 [&_th]:px-4 [&_th]:py-2 [&_th]:font-semibold [&_thead_th]:whitespace-nowrap",
          "[&_tbody_th]:border-t [&_tbody_th]:border-line [&_tbody_th]:bg-white",
          "max-sm:[&_td]:px-3 max-sm:[&_th]:px-3 max-sm:[&_tr>:first-child]:sticky max-sm:[&_tr>:first-child]:left-0 max-sm:[&_tr>:first-child]:z-10 max-sm:[&_tr>:first-child]:max-w-[45vw] max-sm:[&_tr>:first-child]:shadow-[1px_0_0_var(--color-line)] max-sm:[&_tr>td:first-child]:bg-white",
          className,
        )}
      >
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export const inputClass = "block w-full min-h-11 rounded-lg border border-line bg-white px-3 py-2 text-base text-ink shadow-sm placeholder:text-slate-400 aria-[invalid=true]:border-red-600";

/** A labelled field with hint and error, wired with aria-describedby. */
export function Field({ id, label, hint, error, children, className }: { id: string; label: ReactNode; hint?: ReactNode; error?: string; children: ReactNode; className?: string }) {
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** aria props for the control inside a Field. */
export function describedBy(id: string, opts: { hint?: unknown; error?: unknown }) {
  const ids = [opts.hint ? `${id}-hint` : null, opts.error ? `${id}-error` : null].filter(Boolean);
  return {
    id,
    "aria-invalid": opts.error ? true : undefined,
    "aria-describedby": ids.length ? ids.join(" ") : undefined,
  } as const;
}

/**
 * A labelled <select> from a list of options; `emptyLabel` adds a first choice with no value ("Any",
 * "Choose…"). Used by filter forms and action forms alike.
 */
export function LabeledSelect({
  name,
  label,
  value,
  emptyLabel,
  options,
  small = true,
}: {
  name: string;
  label: string;
  value?: string | null;
  emptyLabel?: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  small?: boolean;
}) {
  return (
    <label className={cn("flex flex-col gap-1", small && "text-sm")}>
      {label}
      <select name={name} defaultValue={value ?? ""} className={inputClass}>
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

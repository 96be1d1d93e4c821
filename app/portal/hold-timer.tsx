"use client";

import { useEffect, useState } from "react";
import { Button } from "../_components/ui";

/**
 * A countdown for a hold or a timed exercise. Pure client state (works offline, sends nothing); the bar
 * only glides when the patient has not asked for reduced motion. The end is announced once.
 */
export function HoldTimer({ seconds, what }: { seconds: number; what: string }) {
  const [endsAt, setEndsAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const left = endsAt === null ? seconds : Math.max(0, Math.ceil((endsAt - now) / 1000));
  const running = endsAt !== null && left > 0;
  const finished = endsAt !== null && left === 0;

  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, [running]);

  const start = () => {
    setNow(Date.now());
    setEndsAt(Date.now() + seconds * 1000);
  };
  const label = seconds >= 60 ? `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}` : `${left} s`;

  return (
    <div className="mt-3 rounded-lg bg-brand-50 p-3">
      <div className="flex flex-wrap items-center gap-3">
        <span role="timer" aria-label={`${what} timer`} className="min-w-16 text-2xl font-semibold tabular-nums">
          {label}
        </span>
        {running ? (
          <Button type="button" variant="secondary" onClick={() => setEndsAt(null)}>
            Stop<span className="sr-only"> the {what} timer</span>
          </Button>
        ) : (
          <Button type="button" variant="secondary" onClick={start}>
            {finished ? "Again" : "Start"}
            <span className="sr-only"> the {what} timer</span>
          </Button>
        )}
      </div>
      <div className="mt-2 h-2 overflow-hidden rounded-full bg-white" aria-hidden="true">
        <div className="h-full rounded-full bg-brand-600 motion-safe:transition-[width] motion-safe:duration-300" style={{ width: `${((seconds - left) / seconds) * 100}%` }} />
      </div>
      <p role="status" className="mt-1 text-sm">
        {finished ? `Done: ${what} finished. Relax.` : ""}
      </p>
    </div>
  );
}

/** One exercise of a regimen as the patient's plan and the printed sheet show it. */
export interface RegimenItemView {
  id: string;
  exerciseName: string;
  instructions: string;
  precautions: string;
  sets: number;
  reps: number | null;
  durationSeconds: number | null;
  holdSeconds: number | null;
  timesPerDay: number;
  daysPerWeek: number;
  side: string;
  notes: string;
}

/** "2 sets × 10 reps, hold 5 s · 1× a day, 5 days a week" */
export function doseText(i: { sets: number; reps: number | null; durationSeconds: number | null; holdSeconds: number | null; timesPerDay: number; daysPerWeek: number }): string {
  const amount = i.reps ? `${i.sets} set${i.sets > 1 ? "s" : ""} × ${i.reps} reps` : `${i.sets > 1 ? `${i.sets} × ` : ""}${formatSeconds(i.durationSeconds ?? 0)}`;
  const hold = i.holdSeconds ? `, hold ${i.holdSeconds} s` : "";
  const often = `${i.timesPerDay > 1 ? `${i.timesPerDay}× a day` : "once a day"}, ${i.daysPerWeek === 7 ? "every day" : `${i.daysPerWeek} days a week`}`;
  return `${amount}${hold} · ${often}`;
}

export function formatSeconds(s: number): string {
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  const rest = s % 60;
  return rest ? `${m} min ${rest} s` : `${m} min`;
}

/** Percent bars (0–100%) as server-rendered SVG, shown with a table of the same numbers. */
export function PercentBars({ bars, label }: { bars: Array<{ name: string; value: number }>; label: string }) {
  const H = 140;
  const W = Math.max(200, bars.length * 48 + 30);
  return (
    <svg viewBox={`0 0 ${W} ${H + 30}`} role="img" aria-label={label} className="h-auto w-full max-w-md rounded-lg border border-line bg-white">
      <line x1={24} x2={W - 6} y1={H - (0.5 * (H - 20)) } y2={H - 0.5 * (H - 20)} stroke="#f59e0b" strokeDasharray="4 3" />
      {bars.map((b, i) => {
        const h = Math.max(1, Math.min(1, b.value) * (H - 20));
        return (
          <g key={b.name}>
            <rect x={30 + i * 48} y={H - h} width={30} height={h} fill={b.value < 0.5 ? "#b45309" : "#0f766e"} rx={3} />
            <text x={45 + i * 48} y={H + 14} fontSize="10" textAnchor="middle" fill="#5b6472">
              {b.name}
            </text>
            <text x={45 + i * 48} y={H - h - 4} fontSize="10" textAnchor="middle" fill="#1c2430">
              {Math.round(b.value * 100)}%
            </text>
          </g>
        );
      })}
    </svg>
  );
}

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

/**
 * Percent bars (0–100%) as server-rendered SVG, shown with a table of the same numbers. Each bar is
 * labelled with what it is (a week's date, an exercise's name): names that do not fit are shortened, in
 * full in the table beside and in each bar's tooltip.
 */
export function PercentBars({ bars, label, axisLabel }: { bars: Array<{ name: string; value: number }>; label: string; axisLabel?: string }) {
  const rowH = 24;
  const nameW = 150;
  const barW = 150;
  const W = nameW + barW + 44;
  const H = bars.length * rowH + (axisLabel ? 30 : 12);
  const short = (name: string) => (name.length > 26 ? `${name.slice(0, 25)}…` : name);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} className="h-auto w-full max-w-md rounded-lg border border-line bg-white">
      <line x1={nameW + barW / 2} x2={nameW + barW / 2} y1={4} y2={bars.length * rowH + 6} stroke="#f59e0b" strokeDasharray="4 3" />
      {bars.map((b, i) => {
        const w = Math.max(1, Math.min(1, b.value) * barW);
        const top = 8 + i * rowH;
        return (
          <g key={`${b.name}-${i}`}>
            <title>{`${b.name}: ${Math.round(b.value * 100)}%`}</title>
            <text x={nameW - 6} y={top + 12} fontSize="10" textAnchor="end" fill="#1c2430">
              {short(b.name)}
            </text>
            <rect x={nameW} y={top} width={w} height={16} fill={b.value < 0.5 ? "#b45309" : "#0f766e"} rx={3} />
            <text x={nameW + w + 4} y={top + 12} fontSize="10" fill="#1c2430">
              {Math.round(b.value * 100)}%
            </text>
          </g>
        );
      })}
      {axisLabel ? (
        <text x={nameW} y={H - 8} fontSize="10" fill="#5b6472">
          {axisLabel}
        </text>
      ) : null}
    </svg>
  );
}

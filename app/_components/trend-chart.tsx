import { formatInZone } from "@/lib/time";

/** Short day labels for a chart's time axis ("Nov 2"), in the clinic's zone. */
export function axisDay(at: Date, timeZone: string): string {
  return formatInZone(at, timeZone, "MMM d");
}

/**
 * A small server-rendered SVG line chart (no client JavaScript) for 0–10 scores over time, with dates on
 * the time axis, always shown next to a table with the same numbers for screen readers and exact values.
 */
export function TrendChart({ series, label, timeZone }: { series: Array<{ name: string; color: string; points: Array<{ at: Date; value: number }> }>; label: string; timeZone: string }) {
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) return <p className="text-muted">No scores yet.</p>;
  const W = 320;
  const H = 176;
  const pad = 24;
  const bottom = 40; // room for the date labels
  const t0 = Math.min(...all.map((p) => p.at.getTime()));
  const t1 = Math.max(...all.map((p) => p.at.getTime()));
  const x = (t: number) => pad + (t1 === t0 ? (W - 2 * pad) / 2 : ((t - t0) / (t1 - t0)) * (W - 2 * pad));
  const y = (v: number) => H - bottom - (v / 10) * (H - bottom - pad / 2);
  // First, middle and last day, each once.
  const ticks = [...new Map([t0, (t0 + t1) / 2, t1].map((t) => [axisDay(new Date(t), timeZone), t] as const)).entries()];
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} className="h-auto w-full max-w-md rounded-lg border border-line bg-white">
      {[0, 5, 10].map((v) => (
        <g key={v}>
          <line x1={pad} x2={W - pad} y1={y(v)} y2={y(v)} stroke="#dde2e8" />
          <text x={4} y={y(v) + 4} fontSize="10" fill="#5b6472">
            {v}
          </text>
        </g>
      ))}
      <line x1={pad} x2={W - pad} y1={H - bottom + 6} y2={H - bottom + 6} stroke="#94a3b8" />
      {ticks.map(([text, t]) => (
        <g key={text}>
          <line x1={x(t)} x2={x(t)} y1={H - bottom + 6} y2={H - bottom + 10} stroke="#94a3b8" />
          <text x={x(t)} y={H - bottom + 22} fontSize="10" textAnchor={ticks.length > 1 && t === t0 ? "start" : ticks.length > 1 && t === t1 ? "end" : "middle"} fill="#5b6472">
            {text}
          </text>
        </g>
      ))}
      {series.map((s) => (
        <g key={s.name}>
          <polyline fill="none" stroke={s.color} strokeWidth="2" points={s.points.map((p) => `${x(p.at.getTime())},${y(p.value)}`).join(" ")} />
          {s.points.map((p, i) => (
            <circle key={i} cx={x(p.at.getTime())} cy={y(p.value)} r="3" fill={s.color} />
          ))}
        </g>
      ))}
    </svg>
  );
}

import { recordPainScoreAction, recordPsfsAction } from "@/lib/cases/actions";
import { ActionForm, FieldError } from "../../_components/action-form";
import { TrendChart } from "../../_components/trend-chart";
import { Card, CardTitle, Table, inputClass } from "../../_components/ui";
import type { CasePageData } from "@/lib/cases/views";

export function PainCard({ data, when }: { data: CasePageData; when: (d: Date) => string }) {
  const { record } = data;
  const c = record.case;
  return (
    <Card>
      <CardTitle>Pain and function</CardTitle>
      <TrendChart
        timeZone={data.timeZone}
        label="Pain (0–10) and PSFS mean (0–10) over time"
        series={[
          { name: "Pain", color: "#b91c1c", points: record.pain.map((p) => ({ at: p.recordedAt, value: p.score })) },
          { name: "PSFS", color: "#0f766e", points: record.psfs.map((p) => ({ at: p.recordedAt, value: p.mean })) },
        ]}
      />
      <p className="mt-1 text-sm text-muted">
        <span className="text-red-700">■</span> Pain (lower is better) · <span className="text-brand-700">■</span> PSFS mean (higher is better; about 2 points is a meaningful change)
      </p>
      <Table caption="Pain and PSFS scores">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Measure</th>
            <th scope="col">Score</th>
          </tr>
        </thead>
        <tbody>
          {[
            ...record.pain.map((p) => ({ at: p.recordedAt, what: `Pain (${p.source})`, score: String(p.score) })),
            ...record.psfs.map((p) => ({ at: p.recordedAt, what: `PSFS (${p.kind.replace("_", "-")}): ${p.items.map((i) => `${i.activity} ${i.score}`).join(", ")}`, score: p.mean.toFixed(1) })),
          ]
            .sort((a, b) => b.at.getTime() - a.at.getTime())
            .map((r, i) => (
              <tr key={i}>
                <td className="whitespace-nowrap">{when(r.at)}</td>
                <td>{r.what}</td>
                <td>{r.score}</td>
              </tr>
            ))}
        </tbody>
      </Table>
      {data.can.writeClinical ? (
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          <ActionForm action={recordPainScoreAction} submitLabel="Record pain" variant="secondary">
            <input type="hidden" name="caseId" value={c.id} />
            <label className="flex flex-col gap-1 text-sm">
              Pain now (0–10)
              <input name="score" type="number" min={0} max={10} inputMode="numeric" className={inputClass} />
            </label>
            <FieldError name="score" />
          </ActionForm>
          <details>
            <summary className="cursor-pointer font-medium text-brand-700">Record PSFS</summary>
            <ActionForm action={recordPsfsAction} submitLabel="Record PSFS" variant="secondary" className="mt-2">
              <input type="hidden" name="caseId" value={c.id} />
              <input type="hidden" name="kind" value={record.psfs.length ? "follow_up" : "intake"} />
              {[0, 1, 2].map((i) => (
                <div key={i} className="grid grid-cols-[1fr_5rem] gap-2">
                  <label className="flex flex-col gap-1 text-sm">
                    Activity {i + 1}
                    <input name={`items.${i}.activity`} defaultValue={record.psfs.at(-1)?.items[i]?.activity ?? ""} className={inputClass} />
                  </label>
                  <label className="flex flex-col gap-1 text-sm">
                    0–10
                    <input name={`items.${i}.score`} type="number" min={0} max={10} className={inputClass} />
                  </label>
                  <FieldError name={`items.${i}.activity`} />
                </div>
              ))}
              <FieldError name="items" />
            </ActionForm>
          </details>
        </div>
      ) : null}
    </Card>
  );
}

import Link from "next/link";
import { formatDay } from "@/lib/time";
import { PercentBars } from "../../_components/regimen";
import { axisDay, TrendChart } from "../../_components/trend-chart";
import { Alert, Card, CardTitle, Table } from "../../_components/ui";
import type { CasePageData } from "@/lib/cases/views";

export function PlanCard({ data }: { data: CasePageData }) {
  const { progress } = data;
  const c = data.record.case;
  const editable = data.can.editRegimen;
  return (
    <Card aria-labelledby="home-exercise">
      <CardTitle id="home-exercise">Home exercise plan</CardTitle>
      {progress ? (
        <div className="flex flex-col gap-4">
          <p>
            <strong>{progress.versions[0]!.title}</strong> (version {progress.versions[0]!.version}, from {formatDay(progress.versions[0]!.startDate)}, review{" "}
            {formatDay(progress.versions[0]!.reviewDate)}) ·{" "}
            <Link href={`/cases/${c.id}/regimen`} className="text-brand-700 underline">
              {editable ? "Edit the plan" : "See the plan"}
            </Link>{" "}
            ·{" "}
            <Link href={`/cases/${c.id}/regimen/print`} className="text-brand-700 underline">
              Printable sheet
            </Link>
          </p>
          {progress.reasons.length ? (
            <Alert tone="warning" title="Check in with the patient">
              <ul className="list-disc pl-5">
                {progress.reasons.map((r) => (
                  <li key={r.key}>{r.text}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-2 [&>*]:min-w-0">
            <div>
              <h3 className="mb-2 font-semibold">Adherence per week</h3>
              <PercentBars
                label="Adherence per week"
                axisLabel="Week starting · dashed line: 50%"
                bars={progress.weeks.slice(-8).map((w) => ({ name: `${axisDay(new Date(`${w.weekStart}T12:00:00Z`), data.timeZone)}${w.complete ? "" : " (so far)"}`, value: w.ratio }))}
              />
              <Table caption="Adherence per week">
                <thead>
                  <tr>
                    <th scope="col">Week of</th>
                    <th scope="col">Done / asked</th>
                    <th scope="col">Adherence</th>
                  </tr>
                </thead>
                <tbody>
                  {progress.weeks.map((w) => (
                    <tr key={w.weekStart}>
                      <td>
                        {w.weekStart}
                        {w.complete ? "" : " (so far)"}
                      </td>
                      <td>
                        {w.done.toFixed(1)} / {w.expected.toFixed(1)}
                      </td>
                      <td>{Math.round(w.ratio * 100)}%</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
            <div>
              <h3 className="mb-2 font-semibold">Per exercise</h3>
              <PercentBars label="Adherence per exercise" axisLabel="Dashed line: 50%" bars={progress.byExercise.map((e) => ({ name: e.name, value: e.ratio }))} />
              <Table caption="Adherence per exercise">
                <thead>
                  <tr>
                    <th scope="col">Exercise</th>
                    <th scope="col">Adherence</th>
                  </tr>
                </thead>
                <tbody>
                  {progress.byExercise.map((e) => (
                    <tr key={e.exerciseId}>
                      <td>{e.name}</td>
                      <td>{Math.round(e.ratio * 100)}%</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
          </div>
          <div>
            <h3 className="mb-2 font-semibold">Pain the patient logged at home</h3>
            <TrendChart
              timeZone={data.timeZone}
              label="Pain logged at home (0–10)"
              series={[{ name: "Pain", color: "#b91c1c", points: progress.pains.map((p) => ({ at: new Date(`${p.date}T12:00:00Z`), value: p.pain })) }]}
            />
            {progress.pains.length ? (
              <Table caption="Pain logged at home">
                <thead>
                  <tr>
                    <th scope="col">Day</th>
                    <th scope="col">Pain</th>
                    {progress.comments.length ? <th scope="col">Comment</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {progress.pains.map((p) => (
                    <tr key={p.date}>
                      <td>{formatDay(p.date)}</td>
                      <td>{p.pain}</td>
                      {progress.comments.length ? <td>{progress.comments.find((c) => c.date === p.date)?.comment ?? ""}</td> : null}
                    </tr>
                  ))}
                </tbody>
              </Table>
            ) : null}
          </div>
        </div>
      ) : (
        <p>
          No home exercise plan yet.{" "}
          {editable ? (
            <Link href={`/cases/${c.id}/regimen`} className="text-brand-700 underline">
              Build one
            </Link>
          ) : null}
        </p>
      )}
    </Card>
  );
}

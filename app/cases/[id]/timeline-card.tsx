import { Badge, Card, CardTitle } from "../../_components/ui";
import type { CasePageData } from "@/lib/cases/views";

export function TimelineCard({ data, when }: { data: CasePageData; when: (d: Date) => string }) {
  const { record } = data;
  return (
    <Card>
      <CardTitle>Timeline</CardTitle>
      <ol className="flex flex-col gap-2">
        {record.timeline.map((t, i) => (
          <li key={i} className="grid gap-1 sm:grid-cols-[12rem_1fr]">
            <time dateTime={t.at.toISOString()} className="text-sm text-muted">
              {when(t.at)}
            </time>
            <span>
              <Badge>{t.kind}</Badge> {t.title}
              {t.detail ? <span className="text-muted"> — {t.detail}</span> : null}
            </span>
          </li>
        ))}
      </ol>
    </Card>
  );
}

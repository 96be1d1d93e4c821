import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

/**
 * 100,000 cases over 20,000 patients (statuses, priorities, leads and red flags spread like a busy
 * clinic's) and 1,000,000 audit events, with set-based SQL.
 */
export async function seedQueueBench(db: Db, caseCount = 100_000, auditCount = 1_000_000): Promise<void> {
  await db.execute(sql`
    insert into patients (full_name, email, phone, date_of_birth)
    select 'Queue patient ' || g, 'queue' || g || '@example.test', '+1 212 555 0000', date '1950-01-01' + (g % 18000)
    from generate_series(1, 20000) g`);
  await db.execute(sql`
    with p as (select id, row_number() over (order by id) as n from patients where email like 'queue%@example.test'),
         pr as (select id, row_number() over (order by id) as n from practitioners),
         prc as (select count(*) as c from practitioners)
    insert into cases (patient_id, status, priority, duration_class, lead_practitioner_id, disciplines, red_flags, search_text, opened_at)
    select p.id,
      (array['new','triaged','in_care','in_care','in_care','case_conference','discharged','discharged'])[1 + g % 8]::case_status,
      (array['routine','routine','routine','routine','within_48h','same_day','routine','emergency'])[1 + (g / 8) % 8]::priority,
      (array['acute','subacute','chronic'])[1 + g % 3]::duration_class,
      case when g % 4 = 0 then null else (select id from pr where pr.n = 1 + g % (select c from prc)) end,
      array[(array['spine_physician','chiropractor','physical_therapist','massage_therapist'])[1 + g % 4]]::discipline[],
      case when g % 13 = 0 then array['cancer_history'] else '{}'::text[] end,
      lower('Queue patient ' || (1 + g % 20000) || ' queue' || (1 + g % 20000) || '@example.test'),
      now() - (g % 5000) * interval '17 minutes'
    from generate_series(1, ${caseCount}) g join p on p.n = 1 + g % 20000`);
  await db.execute(sql`
    with c as (select id, patient_id, row_number() over (order by id) as n from cases),
         u as (select id, role from users order by id limit 1)
    insert into audit_events (at, actor_user_id, actor_role, action, patient_id, case_id, entity_type, entity_id, request_id, details)
    select now() - (g % 500000) * interval '1 minute', u.id, u.role,
      (array['case.viewed','case.viewed','case.viewed','patient.viewed','case.note_added','appointment.requested'])[1 + g % 6],
      c.patient_id, c.id, 'case', c.id::text, md5(g::text), '{}'::jsonb
    from generate_series(1, ${auditCount}) g join c on c.n = 1 + g % ${caseCount} cross join u`);
  await db.execute(sql`analyze`);
}

-- priority_rank and has_red_flags become columns the database derives (generated, stored), instead of
-- copies every writer had to keep in step. Dropping a column drops its indexes: the hand-written lines
-- at the end put the queue's indexes back. Keep them when regenerating.
ALTER TABLE "cases" DROP CONSTRAINT "cases_priority_rank_check";--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "priority_rank" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "cases" drop column "priority_rank";--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "priority_rank" smallint GENERATED ALWAYS AS (case priority when 'emergency' then 0 when 'same_day' then 1 when 'within_48h' then 2 else 3 end) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "has_red_flags" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "cases" drop column "has_red_flags";--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "has_red_flags" boolean GENERATED ALWAYS AS (cardinality(red_flags) > 0) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "cases_queue_idx" ON "cases" USING btree ("priority_rank","opened_at","id");--> statement-breakpoint
CREATE INDEX "cases_status_queue_idx" ON "cases" USING btree ("status","priority_rank","opened_at","id");--> statement-breakpoint
CREATE INDEX "cases_lead_idx" ON "cases" USING btree ("lead_practitioner_id","priority_rank","opened_at","id");

DROP INDEX "tasks_assigned_figures_idx";--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "extension_request_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Requests made before the counter existed.
UPDATE "tasks" SET "extension_request_count" = r."n" FROM (SELECT "task_id", count(*)::int AS "n" FROM "follow_ups" WHERE "kind" = 'extension_request' GROUP BY "task_id") r WHERE "tasks"."id" = r."task_id";--> statement-breakpoint
CREATE INDEX "tasks_assigned_figures_idx" ON "tasks" USING btree ("assigned_at","department_id","status","due_date","completed_at","acknowledged_at","return_count","extension_count","extension_request_count");
CREATE INDEX "requested_actions_title_trgm_idx" ON "requested_actions" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "requested_actions_details_trgm_idx" ON "requested_actions" USING gin ("details" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "requested_actions_number_trgm_idx" ON "requested_actions" USING gin ("number" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "requested_actions_number_idx" ON "requested_actions" USING btree ("number");--> statement-breakpoint
CREATE INDEX "tasks_open_due_id_idx" ON "tasks" USING btree ("due_date","id","status","acknowledge_by","assigned_at","progress","department_id") WHERE "tasks"."status" IN ('assigned', 'acknowledged', 'in_progress', 'submitted');--> statement-breakpoint
CREATE INDEX "tasks_department_due_id_idx" ON "tasks" USING btree ("department_id","due_date","id");--> statement-breakpoint
CREATE INDEX "tasks_progress_id_idx" ON "tasks" USING btree ("progress","id");--> statement-breakpoint
CREATE INDEX "tasks_status_id_idx" ON "tasks" USING btree ("status","id");
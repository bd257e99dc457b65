CREATE TABLE "api_request_counts" (
	"token_id" integer NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "api_request_counts_token_id_window_start_pk" PRIMARY KEY("token_id","window_start")
);
--> statement-breakpoint
ALTER TABLE "api_request_counts" ADD CONSTRAINT "api_request_counts_token_id_api_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."api_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_request_counts_window_start_idx" ON "api_request_counts" USING btree ("window_start");--> statement-breakpoint
CREATE INDEX "tasks_assigned_figures_idx" ON "tasks" USING btree ("assigned_at","department_id","status","due_date","completed_at","acknowledged_at","return_count","extension_count");--> statement-breakpoint
CREATE INDEX "tasks_completed_at_idx" ON "tasks" USING btree ("completed_at","department_id") WHERE "tasks"."status" = 'completed';--> statement-breakpoint
CREATE INDEX "tasks_open_conference_idx" ON "tasks" USING btree ("conference_id","department_id") WHERE "tasks"."status" IN ('assigned', 'acknowledged', 'in_progress', 'submitted');
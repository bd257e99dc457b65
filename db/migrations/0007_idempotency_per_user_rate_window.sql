CREATE TABLE "api_rate_limits" (
	"token_id" integer PRIMARY KEY NOT NULL,
	"second" bigint NOT NULL,
	"counts" integer[] NOT NULL,
	"refused" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_request_counts" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP TABLE "api_request_counts" CASCADE;--> statement-breakpoint
ALTER TABLE "follow_ups" DROP CONSTRAINT "follow_ups_idempotency_key_unique";--> statement-breakpoint
ALTER TABLE "follow_ups" ADD COLUMN "idempotency_fingerprint" text;--> statement-breakpoint
ALTER TABLE "api_rate_limits" ADD CONSTRAINT "api_rate_limits_token_id_api_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."api_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "follow_ups_idempotency_key_idx" ON "follow_ups" USING btree ("task_id",coalesce("author_id", 0),"idempotency_key") WHERE "follow_ups"."idempotency_key" IS NOT NULL;--> statement-breakpoint
-- Keys were stored as "<task id>:<key>" and are now unique per task and author: keep the client's
-- key itself, so a retry by the entry's author still finds it. Their fingerprint stays unknown (null):
-- a retry is answered with the entry, as before.
UPDATE "follow_ups" SET "idempotency_key" = substr("idempotency_key", length("task_id"::text) + 2)
WHERE "idempotency_key" LIKE "task_id"::text || ':%';

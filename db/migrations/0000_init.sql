CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE TYPE "public"."agenda_item_kind" AS ENUM('opening', 'relay', 'report', 'speech', 'deliberation', 'review', 'closing', 'other');--> statement-breakpoint
CREATE TYPE "public"."attendance" AS ENUM('unknown', 'present', 'absent', 'excused');--> statement-breakpoint
CREATE TYPE "public"."conference_format" AS ENUM('in_person', 'video', 'telephone', 'video_telephone');--> statement-breakpoint
CREATE TYPE "public"."conference_kind" AS ENUM('quarterly', 'special');--> statement-breakpoint
CREATE TYPE "public"."conference_status" AS ENUM('draft', 'scheduled', 'held', 'minutes_published', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."department_kind" AS ENUM('department', 'district', 'office');--> statement-breakpoint
CREATE TYPE "public"."follow_up_kind" AS ENUM('assign', 'acknowledge', 'progress', 'submit', 'verify', 'return', 'extension_request', 'extension_approved', 'extension_rejected', 'due_date_change', 'reminder', 'instruction', 'comment', 'cancel', 'reassign');--> statement-breakpoint
CREATE TYPE "public"."locale" AS ENUM('zh-CN', 'en');--> statement-breakpoint
CREATE TYPE "public"."priority" AS ENUM('low', 'normal', 'high', 'urgent');--> statement-breakpoint
CREATE TYPE "public"."relay_level" AS ENUM('national', 'provincial', 'municipal', 'other');--> statement-breakpoint
CREATE TYPE "public"."speaker_role" AS ENUM('chair', 'report', 'instructions', 'relay', 'remarks');--> statement-breakpoint
CREATE TYPE "public"."task_role" AS ENUM('lead', 'support');--> statement-breakpoint
CREATE TYPE "public"."task_status" AS ENUM('assigned', 'acknowledged', 'in_progress', 'submitted', 'completed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('admin', 'secretary', 'leader', 'department_head');--> statement-breakpoint
CREATE TYPE "public"."venue_kind" AS ENUM('main', 'sub');--> statement-breakpoint
CREATE TABLE "departments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "departments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"short_name" text,
	"short_name_en" text,
	"kind" "department_kind" DEFAULT 'department' NOT NULL,
	"parent_id" integer,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "departments_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "people_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"name_en" text,
	"position" text,
	"position_en" text,
	"organization" text,
	"organization_en" text,
	"user_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"email" text,
	"password_hash" text NOT NULL,
	"role" "user_role" NOT NULL,
	"department_id" integer,
	"locale" "locale",
	"active" boolean DEFAULT true NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username"),
	CONSTRAINT "users_department_head_has_department" CHECK ("users"."role" <> 'department_head' OR "users"."department_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "agenda_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "agenda_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"conference_id" integer NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"title_en" text,
	"kind" "agenda_item_kind" DEFAULT 'other' NOT NULL,
	"presenter_speaker_id" integer,
	"planned_minutes" integer DEFAULT 0 NOT NULL,
	"notes" text,
	"removed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agenda_items_minutes_not_negative" CHECK ("agenda_items"."planned_minutes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "conference_invitations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "conference_invitations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"conference_id" integer NOT NULL,
	"department_id" integer NOT NULL,
	"required" boolean DEFAULT true NOT NULL,
	"attendance" "attendance" DEFAULT 'unknown' NOT NULL,
	"attendee_names" text,
	"venue_id" integer,
	"signed_in_at" timestamp with time zone,
	"signed_in_by_id" integer,
	"removed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conference_invitations_conference_department" UNIQUE("conference_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "conferences" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "conferences_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"title_en" text,
	"kind" "conference_kind" DEFAULT 'quarterly' NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"format" "conference_format" DEFAULT 'video_telephone' NOT NULL,
	"convened_by" text,
	"convened_by_en" text,
	"chair_person_id" integer,
	"relays_title" text,
	"relays_title_en" text,
	"relays_level" "relay_level",
	"relays_date" date,
	"status" "conference_status" DEFAULT 'draft' NOT NULL,
	"cancel_reason" text,
	"notice_text" text,
	"notice_issued_at" timestamp with time zone,
	"minutes_text" text,
	"minutes_published_at" timestamp with time zone,
	"allow_self_sign_in" boolean DEFAULT false NOT NULL,
	"created_by_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conferences_quarter_range" CHECK ("conferences"."quarter" IS NULL OR "conferences"."quarter" BETWEEN 1 AND 4),
	CONSTRAINT "conferences_quarterly_has_quarter" CHECK ("conferences"."kind" <> 'quarterly' OR "conferences"."quarter" IS NOT NULL),
	CONSTRAINT "conferences_ends_after_start" CHECK ("conferences"."ends_at" >= "conferences"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "speakers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "speakers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"conference_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"role" "speaker_role" NOT NULL,
	"position" integer NOT NULL,
	"topic" text,
	"topic_en" text,
	"summary" text,
	"removed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "venues" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "venues_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"conference_id" integer NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"address" text,
	"kind" "venue_kind" DEFAULT 'sub' NOT NULL,
	"host_department_id" integer,
	"connection_notes" text,
	"position" integer DEFAULT 0 NOT NULL,
	"removed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_categories" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "follow_ups_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"task_id" integer NOT NULL,
	"author_id" integer,
	"kind" "follow_up_kind" NOT NULL,
	"body" text,
	"progress" smallint,
	"requested_due_date" date,
	"previous_due_date" date,
	"new_due_date" date,
	"from_status" "task_status",
	"to_status" "task_status",
	"idempotency_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follow_ups_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "follow_ups_progress_range" CHECK ("follow_ups"."progress" IS NULL OR "follow_ups"."progress" BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE TABLE "requested_actions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "requested_actions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"conference_id" integer NOT NULL,
	"speaker_id" integer,
	"requested_by_person_id" integer,
	"agenda_item_id" integer,
	"seq" integer NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"title_en" text,
	"details" text,
	"category_code" text,
	"priority" "priority" DEFAULT 'normal' NOT NULL,
	"default_due_date" date,
	"created_by_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "requested_actions_conference_seq" UNIQUE("conference_id","seq")
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tasks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"action_id" integer NOT NULL,
	"conference_id" integer NOT NULL,
	"department_id" integer NOT NULL,
	"role" "task_role" DEFAULT 'lead' NOT NULL,
	"due_date" date NOT NULL,
	"original_due_date" date NOT NULL,
	"acknowledge_by" date,
	"status" "task_status" DEFAULT 'assigned' NOT NULL,
	"progress" smallint DEFAULT 0 NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"extension_count" integer DEFAULT 0 NOT NULL,
	"return_count" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tasks_action_department" UNIQUE("action_id","department_id"),
	CONSTRAINT "tasks_progress_range" CHECK ("tasks"."progress" BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "api_tokens_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"expires_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"conference_id" integer,
	"follow_up_id" bigint,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by_id" integer,
	"removed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachments_one_owner" CHECK (("attachments"."conference_id" IS NULL) <> ("attachments"."follow_up_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_id" integer,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"request_id" text,
	"ip" "inet"
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "calendar_feeds_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"token_hash" text NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feeds_token_hash" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "email_outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"notification_id" bigint,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"html_body" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "login_attempts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"username" text NOT NULL,
	"ip" text,
	"succeeded" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"kind" text NOT NULL,
	"task_id" integer,
	"conference_id" integer,
	"follow_up_id" bigint,
	"payload" jsonb,
	"dedupe_key" text,
	"read_at" timestamp with time zone,
	"emailed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "safety_indicators" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "safety_indicators_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"year" integer NOT NULL,
	"month" integer NOT NULL,
	"department_id" integer,
	"accidents" integer DEFAULT 0 NOT NULL,
	"deaths" integer DEFAULT 0 NOT NULL,
	"injuries" integer DEFAULT 0 NOT NULL,
	"major_accidents" integer DEFAULT 0 NOT NULL,
	"direct_loss" numeric(14, 2) DEFAULT '0' NOT NULL,
	"created_by_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "safety_indicators_period_department" UNIQUE NULLS NOT DISTINCT("year","month","department_id"),
	CONSTRAINT "safety_indicators_month_range" CHECK ("safety_indicators"."month" BETWEEN 1 AND 12),
	CONSTRAINT "safety_indicators_not_negative" CHECK ("safety_indicators"."accidents" >= 0 AND "safety_indicators"."deaths" >= 0 AND "safety_indicators"."injuries" >= 0 AND "safety_indicators"."major_accidents" >= 0 AND "safety_indicators"."direct_loss" >= 0)
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_by_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_parent_id_departments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_presenter_speaker_id_speakers_id_fk" FOREIGN KEY ("presenter_speaker_id") REFERENCES "public"."speakers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_invitations" ADD CONSTRAINT "conference_invitations_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_invitations" ADD CONSTRAINT "conference_invitations_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_invitations" ADD CONSTRAINT "conference_invitations_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_invitations" ADD CONSTRAINT "conference_invitations_signed_in_by_id_users_id_fk" FOREIGN KEY ("signed_in_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_chair_person_id_people_id_fk" FOREIGN KEY ("chair_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speakers" ADD CONSTRAINT "speakers_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speakers" ADD CONSTRAINT "speakers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venues" ADD CONSTRAINT "venues_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venues" ADD CONSTRAINT "venues_host_department_id_departments_id_fk" FOREIGN KEY ("host_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requested_actions" ADD CONSTRAINT "requested_actions_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requested_actions" ADD CONSTRAINT "requested_actions_speaker_id_speakers_id_fk" FOREIGN KEY ("speaker_id") REFERENCES "public"."speakers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requested_actions" ADD CONSTRAINT "requested_actions_requested_by_person_id_people_id_fk" FOREIGN KEY ("requested_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requested_actions" ADD CONSTRAINT "requested_actions_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requested_actions" ADD CONSTRAINT "requested_actions_category_code_action_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."action_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requested_actions" ADD CONSTRAINT "requested_actions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_action_id_requested_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."requested_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_follow_up_id_follow_ups_id_fk" FOREIGN KEY ("follow_up_id") REFERENCES "public"."follow_ups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_follow_up_id_follow_ups_id_fk" FOREIGN KEY ("follow_up_id") REFERENCES "public"."follow_ups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_indicators" ADD CONSTRAINT "safety_indicators_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_indicators" ADD CONSTRAINT "safety_indicators_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "departments_parent_id_idx" ON "departments" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "departments_kind_sort_idx" ON "departments" USING btree ("kind","sort_order");--> statement-breakpoint
CREATE INDEX "people_user_id_idx" ON "people" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "people_name_idx" ON "people" USING btree ("name");--> statement-breakpoint
CREATE INDEX "users_department_id_idx" ON "users" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "agenda_items_conference_id_position_idx" ON "agenda_items" USING btree ("conference_id","position");--> statement-breakpoint
CREATE INDEX "agenda_items_presenter_speaker_id_idx" ON "agenda_items" USING btree ("presenter_speaker_id");--> statement-breakpoint
CREATE INDEX "conference_invitations_department_id_idx" ON "conference_invitations" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "conference_invitations_venue_id_idx" ON "conference_invitations" USING btree ("venue_id");--> statement-breakpoint
CREATE INDEX "conference_invitations_signed_in_by_id_idx" ON "conference_invitations" USING btree ("signed_in_by_id");--> statement-breakpoint
CREATE INDEX "conferences_year_quarter_idx" ON "conferences" USING btree ("year","quarter");--> statement-breakpoint
CREATE INDEX "conferences_status_idx" ON "conferences" USING btree ("status");--> statement-breakpoint
CREATE INDEX "conferences_starts_at_idx" ON "conferences" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "conferences_chair_person_id_idx" ON "conferences" USING btree ("chair_person_id");--> statement-breakpoint
CREATE INDEX "conferences_created_by_id_idx" ON "conferences" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "speakers_conference_id_position_idx" ON "speakers" USING btree ("conference_id","position");--> statement-breakpoint
CREATE INDEX "speakers_person_id_idx" ON "speakers" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "venues_conference_id_idx" ON "venues" USING btree ("conference_id");--> statement-breakpoint
CREATE INDEX "venues_host_department_id_idx" ON "venues" USING btree ("host_department_id");--> statement-breakpoint
CREATE UNIQUE INDEX "venues_one_main_per_conference" ON "venues" USING btree ("conference_id") WHERE "venues"."kind" = 'main' AND "venues"."removed_at" IS NULL;--> statement-breakpoint
CREATE INDEX "follow_ups_task_id_created_at_idx" ON "follow_ups" USING btree ("task_id","created_at");--> statement-breakpoint
CREATE INDEX "follow_ups_author_id_idx" ON "follow_ups" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "follow_ups_kind_created_at_idx" ON "follow_ups" USING btree ("kind","created_at");--> statement-breakpoint
CREATE INDEX "requested_actions_speaker_id_idx" ON "requested_actions" USING btree ("speaker_id");--> statement-breakpoint
CREATE INDEX "requested_actions_requested_by_person_id_idx" ON "requested_actions" USING btree ("requested_by_person_id");--> statement-breakpoint
CREATE INDEX "requested_actions_agenda_item_id_idx" ON "requested_actions" USING btree ("agenda_item_id");--> statement-breakpoint
CREATE INDEX "requested_actions_category_code_idx" ON "requested_actions" USING btree ("category_code");--> statement-breakpoint
CREATE INDEX "requested_actions_created_by_id_idx" ON "requested_actions" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "tasks_department_id_idx" ON "tasks" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "tasks_conference_id_idx" ON "tasks" USING btree ("conference_id");--> statement-breakpoint
CREATE INDEX "tasks_status_due_date_idx" ON "tasks" USING btree ("status","due_date");--> statement-breakpoint
CREATE INDEX "tasks_due_date_idx" ON "tasks" USING btree ("due_date");--> statement-breakpoint
CREATE INDEX "tasks_department_status_due_idx" ON "tasks" USING btree ("department_id","status","due_date");--> statement-breakpoint
CREATE INDEX "tasks_open_department_due_idx" ON "tasks" USING btree ("department_id","due_date") WHERE "tasks"."status" IN ('assigned', 'acknowledged', 'in_progress', 'submitted');--> statement-breakpoint
CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "attachments_conference_id_idx" ON "attachments" USING btree ("conference_id");--> statement-breakpoint
CREATE INDEX "attachments_follow_up_id_idx" ON "attachments" USING btree ("follow_up_id");--> statement-breakpoint
CREATE INDEX "attachments_uploaded_by_id_idx" ON "attachments" USING btree ("uploaded_by_id");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_id_idx" ON "audit_log" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "calendar_feeds_user_id_idx" ON "calendar_feeds" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "email_outbox_pending_idx" ON "email_outbox" USING btree ("next_attempt_at") WHERE "email_outbox"."sent_at" IS NULL;--> statement-breakpoint
CREATE INDEX "email_outbox_notification_id_idx" ON "email_outbox" USING btree ("notification_id");--> statement-breakpoint
CREATE INDEX "login_attempts_username_at_idx" ON "login_attempts" USING btree ("username","at");--> statement-breakpoint
CREATE INDEX "login_attempts_ip_at_idx" ON "login_attempts" USING btree ("ip","at");--> statement-breakpoint
CREATE INDEX "notifications_user_id_read_at_idx" ON "notifications" USING btree ("user_id","read_at");--> statement-breakpoint
CREATE INDEX "notifications_task_id_idx" ON "notifications" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "notifications_conference_id_idx" ON "notifications" USING btree ("conference_id");--> statement-breakpoint
CREATE INDEX "notifications_follow_up_id_idx" ON "notifications" USING btree ("follow_up_id");--> statement-breakpoint
CREATE INDEX "safety_indicators_department_id_idx" ON "safety_indicators" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "safety_indicators_created_by_id_idx" ON "safety_indicators" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "settings_updated_by_id_idx" ON "settings" USING btree ("updated_by_id");
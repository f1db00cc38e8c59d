CREATE TABLE "metrics_day_cases" (
	"day" date NOT NULL,
	"grain" smallint NOT NULL,
	"channel" text,
	"category" text,
	"owner_id" uuid,
	"volume" integer DEFAULT 0 NOT NULL,
	"fr_met" integer DEFAULT 0 NOT NULL,
	"fr_decided" integer DEFAULT 0 NOT NULL,
	"sla_met" integer DEFAULT 0 NOT NULL,
	"sla_decided" integer DEFAULT 0 NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	"verdicts" integer DEFAULT 0 NOT NULL,
	"repeat_cases" integer DEFAULT 0 NOT NULL,
	"promises_kept" integer DEFAULT 0 NOT NULL,
	"promises_broken" integer DEFAULT 0 NOT NULL,
	"restitution_cost" numeric(16, 2) DEFAULT '0' NOT NULL,
	"restitutions" integer DEFAULT 0 NOT NULL,
	"recovered_cases" integer DEFAULT 0 NOT NULL,
	"recovered_cost" numeric(16, 2) DEFAULT '0' NOT NULL,
	"recovered_lifetime_value" numeric(16, 2) DEFAULT '0' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metrics_day_closed" (
	"day" date NOT NULL,
	"grain" smallint NOT NULL,
	"channel" text,
	"category" text,
	"owner_id" uuid,
	"recovered_closed" integer DEFAULT 0 NOT NULL,
	"recovered_active_again" integer DEFAULT 0 NOT NULL,
	"debriefs_due" integer DEFAULT 0 NOT NULL,
	"debriefs_completed" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metrics_day_closed_pending" (
	"day" date NOT NULL,
	"channel" text,
	"category" text,
	"owner_id" uuid,
	"completed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metrics_day_customers" (
	"day" date NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"prev_at" timestamp with time zone NOT NULL,
	"prev2_at" timestamp with time zone,
	"recovered" boolean NOT NULL,
	"prev_recovered_at" timestamp with time zone,
	"lifetime_value" numeric(14, 2) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metrics_day_pairs" (
	"day" date NOT NULL,
	"span" text NOT NULL,
	"kind" smallint NOT NULL,
	"other_day" date NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	"lifetime_value" numeric(16, 2) DEFAULT '0' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metrics_day_pending" (
	"day" date NOT NULL,
	"channel" text,
	"category" text,
	"owner_id" uuid,
	"fr_pending" boolean NOT NULL,
	"answered" boolean NOT NULL,
	"fr_due_at" timestamp with time zone,
	"resolved" boolean NOT NULL,
	"res_due_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "metrics_day_retention" (
	"day" date NOT NULL,
	"closed_at" timestamp with time zone NOT NULL,
	"prev_at" timestamp with time zone NOT NULL,
	"active_again" boolean NOT NULL,
	"prev_active_again_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "metrics_day_times" (
	"day" date NOT NULL,
	"span" text NOT NULL,
	"grain" smallint NOT NULL,
	"channel" text,
	"category" text,
	"owner_id" uuid,
	"kind" text NOT NULL,
	"bins" integer[] NOT NULL,
	"counts" integer[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metrics_quiet_cache" (
	"start" timestamp with time zone PRIMARY KEY NOT NULL,
	"base" integer NOT NULL,
	"active" integer NOT NULL,
	"event_mark" bigint NOT NULL,
	"activity_mark" bigint NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metrics_rollup_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"time_zone" text NOT NULL,
	"through_day" date NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"event_mark" bigint NOT NULL,
	"event_mark_before" bigint NOT NULL,
	"activity_mark" bigint NOT NULL,
	"activity_mark_before" bigint NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "metrics_day_cases_grain_day" ON "metrics_day_cases" USING btree ("grain","day");--> statement-breakpoint
CREATE INDEX "metrics_day_closed_grain_day" ON "metrics_day_closed" USING btree ("grain","day");--> statement-breakpoint
CREATE INDEX "metrics_day_closed_pending_day" ON "metrics_day_closed_pending" USING btree ("day");--> statement-breakpoint
CREATE INDEX "metrics_day_customers_prev" ON "metrics_day_customers" USING btree ("prev_at","day");--> statement-breakpoint
CREATE INDEX "metrics_day_pairs_span_kind_day" ON "metrics_day_pairs" USING btree ("span","kind","day","other_day");--> statement-breakpoint
CREATE INDEX "metrics_day_pending_day" ON "metrics_day_pending" USING btree ("day");--> statement-breakpoint
CREATE INDEX "metrics_day_retention_prev" ON "metrics_day_retention" USING btree ("prev_at","day");--> statement-breakpoint
CREATE INDEX "metrics_day_times_span_grain_day" ON "metrics_day_times" USING btree ("span","grain","day");
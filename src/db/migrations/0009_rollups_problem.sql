ALTER TABLE "metrics_day_cases" ADD COLUMN "problem_id" uuid;--> statement-breakpoint
ALTER TABLE "metrics_day_closed" ADD COLUMN "problem_id" uuid;--> statement-breakpoint
ALTER TABLE "metrics_day_closed_pending" ADD COLUMN "problem_id" uuid;--> statement-breakpoint
ALTER TABLE "metrics_day_pending" ADD COLUMN "problem_id" uuid;--> statement-breakpoint
ALTER TABLE "metrics_day_times" ADD COLUMN "problem_id" uuid;--> statement-breakpoint
-- The rollup has no per-problem rows yet: the next refresh builds it again from scratch.
DELETE FROM "metrics_rollup_state";
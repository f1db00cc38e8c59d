CREATE TABLE "case_staff_involved" (
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text,
	"added_by_id" uuid,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_staff_involved_case_id_user_id_pk" PRIMARY KEY("case_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "debriefs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"how_it_happened" text,
	"how_to_prevent" text,
	"completed_at" timestamp with time zone,
	"completed_by_id" uuid,
	CONSTRAINT "debriefs_case_user" UNIQUE("case_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "case_staff_involved" ADD CONSTRAINT "case_staff_involved_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_staff_involved" ADD CONSTRAINT "case_staff_involved_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_staff_involved" ADD CONSTRAINT "case_staff_involved_added_by_id_users_id_fk" FOREIGN KEY ("added_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debriefs" ADD CONSTRAINT "debriefs_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debriefs" ADD CONSTRAINT "debriefs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debriefs" ADD CONSTRAINT "debriefs_completed_by_id_users_id_fk" FOREIGN KEY ("completed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "debriefs_user" ON "debriefs" USING btree ("user_id","completed_at");--> statement-breakpoint
CREATE INDEX "debriefs_assigned" ON "debriefs" USING btree ("assigned_at");
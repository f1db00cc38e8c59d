CREATE TABLE "server_secrets" (
	"name" text PRIMARY KEY NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"outcome_fair" integer NOT NULL,
	"process_fair" integer NOT NULL,
	"treated_well" integer NOT NULL,
	"will_stay" text NOT NULL,
	"comment" text,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "surveys_case_id_unique" UNIQUE("case_id")
);
--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;
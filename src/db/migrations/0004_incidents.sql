CREATE TABLE "case_attention" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"is_public_facing" boolean NOT NULL,
	"spokesperson_id" uuid,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"routed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_cases" (
	"incident_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "incident_cases_incident_id_case_id_pk" PRIMARY KEY("incident_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "incident_checklist" (
	"incident_id" uuid NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"position" integer NOT NULL,
	"done_by" uuid,
	"done_by_label" text,
	"done_at" timestamp with time zone,
	CONSTRAINT "incident_checklist_incident_id_key_pk" PRIMARY KEY("incident_id","key")
);
--> statement-breakpoint
CREATE TABLE "incident_customers" (
	"incident_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"source" text NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "incident_customers_incident_id_customer_id_pk" PRIMARY KEY("incident_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "incident_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"message_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"route" text NOT NULL,
	"channel" text NOT NULL,
	"address" text,
	"case_id" uuid,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"retry_after" timestamp with time zone,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"incident_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"type" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"update_id" uuid,
	"subject" text NOT NULL,
	"template" text NOT NULL,
	"values" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"body" text NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"body" text NOT NULL,
	"status" text,
	"author_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"what_failed" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"scope" text NOT NULL,
	"status" text NOT NULL,
	"problem_id" uuid,
	"declared_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "incidents_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "case_attention" ADD CONSTRAINT "case_attention_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_attention" ADD CONSTRAINT "case_attention_spokesperson_id_users_id_fk" FOREIGN KEY ("spokesperson_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_cases" ADD CONSTRAINT "incident_cases_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_cases" ADD CONSTRAINT "incident_cases_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_checklist" ADD CONSTRAINT "incident_checklist_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_customers" ADD CONSTRAINT "incident_customers_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_customers" ADD CONSTRAINT "incident_customers_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_deliveries" ADD CONSTRAINT "incident_deliveries_message_id_incident_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."incident_messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_deliveries" ADD CONSTRAINT "incident_deliveries_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_deliveries" ADD CONSTRAINT "incident_deliveries_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_events" ADD CONSTRAINT "incident_events_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_messages" ADD CONSTRAINT "incident_messages_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_messages" ADD CONSTRAINT "incident_messages_update_id_incident_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."incident_updates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_statements" ADD CONSTRAINT "incident_statements_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_statements" ADD CONSTRAINT "incident_statements_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_updates" ADD CONSTRAINT "incident_updates_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_declared_by_users_id_fk" FOREIGN KEY ("declared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_cases_case" ON "incident_cases" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "incident_customers_customer" ON "incident_customers" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "incident_deliveries_message_customer" ON "incident_deliveries" USING btree ("message_id","customer_id");--> statement-breakpoint
CREATE INDEX "incident_deliveries_pending" ON "incident_deliveries" USING btree ("message_id","status");--> statement-breakpoint
CREATE INDEX "incident_events_incident" ON "incident_events" USING btree ("incident_id","id");--> statement-breakpoint
CREATE INDEX "incident_messages_incident" ON "incident_messages" USING btree ("incident_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "incident_messages_one_apology" ON "incident_messages" USING btree ("incident_id") WHERE "incident_messages"."kind" = 'apology';--> statement-breakpoint
CREATE INDEX "incident_statements_incident" ON "incident_statements" USING btree ("incident_id","published_at");--> statement-breakpoint
CREATE INDEX "incident_updates_incident" ON "incident_updates" USING btree ("incident_id","created_at");--> statement-breakpoint
CREATE INDEX "incidents_status" ON "incidents" USING btree ("status");
CREATE TABLE "customer_activity" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"customer_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"value" numeric(14, 2)
);
--> statement-breakpoint
ALTER TABLE "customer_activity" ADD CONSTRAINT "customer_activity_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_activity_customer_at" ON "customer_activity" USING btree ("customer_id","at");--> statement-breakpoint
CREATE INDEX "cases_metrics" ON "cases" USING btree ("received_at","channel","category","owner_id","customer_id","verdict","first_response_due_at","first_response_at","resolution_due_at","resolved_at","closed_at","id");--> statement-breakpoint
CREATE INDEX "cases_customer_received" ON "cases" USING btree ("customer_id","received_at");--> statement-breakpoint
CREATE INDEX "cases_closed" ON "cases" USING btree ("closed_at");
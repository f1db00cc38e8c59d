CREATE INDEX "cases_sla_open" ON "cases" USING btree (least(case when "first_response_at" is null then "first_response_due_at" end, case when "resolved_at" is null then "resolution_due_at" end)) WHERE "cases"."closed_at" is null;--> statement-breakpoint
-- SLA alerts are now claimed once per due time ('sla:<stage>:<clock>:<case>@<due>'). Alerts
-- given before are keyed to the case's current due time, so an upgrade never repeats them.
UPDATE "effects" e SET "key" = e."key" || '@' || to_char(
  (CASE split_part(e."key", ':', 3) WHEN 'first_response' THEN c."first_response_due_at" ELSE c."resolution_due_at" END) AT TIME ZONE 'UTC',
  'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
FROM "cases" c
WHERE e."key" LIKE 'sla:%' AND position('@' in e."key") = 0
  AND c."id"::text = split_part(e."key", ':', 4)
  AND (CASE split_part(e."key", ':', 3) WHEN 'first_response' THEN c."first_response_due_at" ELSE c."resolution_due_at" END) IS NOT NULL;

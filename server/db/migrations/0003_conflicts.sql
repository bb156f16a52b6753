CREATE TABLE "conflict_note" (
	"id" serial PRIMARY KEY NOT NULL,
	"conflict_id" integer NOT NULL,
	"kind" text NOT NULL,
	"body" text NOT NULL,
	"author" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conflict_note_kind_check" CHECK (kind in ('comment', 'status', 'system'))
);
--> statement-breakpoint
CREATE TABLE "rule_set" (
	"id" integer PRIMARY KEY NOT NULL,
	"rules" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "conflict" ALTER COLUMN "area_ha" SET DEFAULT 0;--> statement-breakpoint
ALTER TABLE "conflict" ALTER COLUMN "area_ha" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "conflict" ALTER COLUMN "reason" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "conflict" ADD COLUMN "pair_key" text NOT NULL;--> statement-breakpoint
ALTER TABLE "conflict" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "conflict" ADD COLUMN "rule" text NOT NULL;--> statement-breakpoint
ALTER TABLE "conflict" ADD COLUMN "share_a" double precision;--> statement-breakpoint
ALTER TABLE "conflict" ADD COLUMN "share_b" double precision;--> statement-breakpoint
ALTER TABLE "conflict" ADD COLUMN "distance_m" double precision;--> statement-breakpoint
ALTER TABLE "conflict" ADD COLUMN "justification" text;--> statement-breakpoint
ALTER TABLE "conflict_note" ADD CONSTRAINT "conflict_note_conflict_id_conflict_id_fk" FOREIGN KEY ("conflict_id") REFERENCES "public"."conflict"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conflict_note_conflict_idx" ON "conflict_note" USING btree ("conflict_id");--> statement-breakpoint
CREATE INDEX "conflict_claim_a_idx" ON "conflict" USING btree ("claim_a");--> statement-breakpoint
CREATE INDEX "conflict_claim_b_idx" ON "conflict" USING btree ("claim_b");--> statement-breakpoint
ALTER TABLE "conflict" ADD CONSTRAINT "conflict_pair_key_unique" UNIQUE("pair_key");--> statement-breakpoint
ALTER TABLE "conflict" ADD CONSTRAINT "conflict_kind_check" CHECK (kind in ('overlap', 'constraint', 'setback'));--> statement-breakpoint
ALTER TABLE "conflict" ADD CONSTRAINT "conflict_status_check" CHECK (status in ('open', 'in_discussion', 'resolved', 'accepted'));--> statement-breakpoint
ALTER TABLE "conflict" ADD CONSTRAINT "conflict_severity_check" CHECK (severity in ('none', 'low', 'medium', 'high'));
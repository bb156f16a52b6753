CREATE TABLE "claim_version" (
	"id" integer NOT NULL,
	"title" text NOT NULL,
	"use" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"proposer_name" text NOT NULL,
	"proposer_type" text NOT NULL,
	"horizon_year" integer,
	"description" text DEFAULT '' NOT NULL,
	"geom" geometry(MultiPolygon,25832) NOT NULL,
	"municipalities" text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"area_ha" double precision GENERATED ALWAYS AS (ST_Area(geom) / 10000.0) STORED,
	"action" text NOT NULL,
	"changed_by" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "claim_version_id_version_pk" PRIMARY KEY("id","version"),
	CONSTRAINT "claim_version_action_check" CHECK (action in ('created', 'updated', 'deleted', 'restored'))
);
--> statement-breakpoint
ALTER TABLE "planning_claim" ADD COLUMN "municipalities" text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "claim_version" ADD CONSTRAINT "claim_version_id_planning_claim_id_fk" FOREIGN KEY ("id") REFERENCES "public"."planning_claim"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "planning_claim_municipalities_gin" ON "planning_claim" USING gin ("municipalities");--> statement-breakpoint
ALTER TABLE "planning_claim" ADD CONSTRAINT "planning_claim_status_check" CHECK (status in ('draft', 'proposed', 'under_review', 'adopted', 'rejected', 'withdrawn'));--> statement-breakpoint
ALTER TABLE "planning_claim" ADD CONSTRAINT "planning_claim_proposer_type_check" CHECK (proposer_type in ('municipality', 'region', 'state_agency', 'association', 'citizen_group', 'company'));--> statement-breakpoint
ALTER TABLE "planning_claim" ADD CONSTRAINT "planning_claim_version_check" CHECK (version >= 1);
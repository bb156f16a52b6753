CREATE TABLE "annotation" (
	"id" serial PRIMARY KEY NOT NULL,
	"body" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"geom" geometry(Geometry,25832),
	"author_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "app_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "app_user" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "app_user_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "conflict" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"severity" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"claim_a" integer NOT NULL,
	"claim_b" integer,
	"constraint_id" integer,
	"geom" geometry(MultiPolygon,25832),
	"area_ha" double precision,
	"reason" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "constraint_area" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"geom" geometry(MultiPolygon,25832) NOT NULL,
	"area_ha" double precision GENERATED ALWAYS AS (ST_Area(geom) / 10000.0) STORED,
	"demo" boolean DEFAULT true NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "constraint_area_kind_check" CHECK (kind in ('nature_reserve', 'landscape_protection', 'flood_zone', 'water_protection', 'priority_nature', 'priority_wind', 'priority_extraction', 'priority_open_space', 'priority_agriculture', 'priority_flood'))
);
--> statement-breakpoint
CREATE TABLE "land_use_class" (
	"key" text PRIMARY KEY NOT NULL,
	"name_de" text NOT NULL,
	"suv" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "land_use_statistic" (
	"ags" char(8) NOT NULL,
	"year" integer NOT NULL,
	"total_ha" double precision NOT NULL,
	"siedlung_ha" double precision NOT NULL,
	"verkehr_ha" double precision NOT NULL,
	"industrie_gewerbe_ha" double precision NOT NULL,
	"landwirtschaft_ha" double precision NOT NULL,
	"wald_ha" double precision NOT NULL,
	"gehoelz_ha" double precision NOT NULL,
	"heide_moor_ha" double precision NOT NULL,
	"gewaesser_ha" double precision NOT NULL,
	"population" integer,
	"source" text NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "land_use_statistic_ags_year_pk" PRIMARY KEY("ags","year")
);
--> statement-breakpoint
CREATE TABLE "municipality" (
	"ags" char(8) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"official_name" text NOT NULL,
	"population" integer NOT NULL,
	"population_year" integer NOT NULL,
	"official_area_ha" double precision NOT NULL,
	"geom" geometry(MultiPolygon,25832) NOT NULL,
	"area_ha" double precision GENERATED ALWAYS AS (ST_Area(geom) / 10000.0) STORED
);
--> statement-breakpoint
CREATE TABLE "parcel" (
	"id" serial PRIMARY KEY NOT NULL,
	"ags" char(8) NOT NULL,
	"land_use" text NOT NULL,
	"geom" geometry(MultiPolygon,25832) NOT NULL,
	"area_ha" double precision GENERATED ALWAYS AS (ST_Area(geom) / 10000.0) STORED,
	"demo" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "planning_claim" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"use" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"proposer_name" text NOT NULL,
	"proposer_type" text NOT NULL,
	"horizon_year" integer,
	"description" text DEFAULT '' NOT NULL,
	"geom" geometry(MultiPolygon,25832) NOT NULL,
	"area_ha" double precision GENERATED ALWAYS AS (ST_Area(geom) / 10000.0) STORED,
	"version" integer DEFAULT 1 NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "planning_claim_use_check" CHECK (use in ('housing', 'commercial', 'mixed', 'wind', 'solar', 'nature', 'agriculture', 'flood_retention', 'extraction', 'transport', 'recreation'))
);
--> statement-breakpoint
ALTER TABLE "annotation" ADD CONSTRAINT "annotation_author_id_app_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict" ADD CONSTRAINT "conflict_claim_a_planning_claim_id_fk" FOREIGN KEY ("claim_a") REFERENCES "public"."planning_claim"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict" ADD CONSTRAINT "conflict_claim_b_planning_claim_id_fk" FOREIGN KEY ("claim_b") REFERENCES "public"."planning_claim"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict" ADD CONSTRAINT "conflict_constraint_id_constraint_area_id_fk" FOREIGN KEY ("constraint_id") REFERENCES "public"."constraint_area"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "land_use_statistic" ADD CONSTRAINT "land_use_statistic_ags_municipality_ags_fk" FOREIGN KEY ("ags") REFERENCES "public"."municipality"("ags") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parcel" ADD CONSTRAINT "parcel_ags_municipality_ags_fk" FOREIGN KEY ("ags") REFERENCES "public"."municipality"("ags") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parcel" ADD CONSTRAINT "parcel_land_use_land_use_class_key_fk" FOREIGN KEY ("land_use") REFERENCES "public"."land_use_class"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_claim" ADD CONSTRAINT "planning_claim_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "annotation_geom_gist" ON "annotation" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "conflict_geom_gist" ON "conflict" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "constraint_area_geom_gist" ON "constraint_area" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "municipality_geom_gist" ON "municipality" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "parcel_geom_gist" ON "parcel" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "parcel_ags_idx" ON "parcel" USING btree ("ags");--> statement-breakpoint
CREATE INDEX "planning_claim_geom_gist" ON "planning_claim" USING gist ("geom");
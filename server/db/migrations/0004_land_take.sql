CREATE TABLE "claim_land_take" (
	"claim_id" integer NOT NULL,
	"ags" char(8) NOT NULL,
	"non_suv_ha" double precision NOT NULL,
	"suv_ha" double precision NOT NULL,
	CONSTRAINT "claim_land_take_claim_id_ags_pk" PRIMARY KEY("claim_id","ags")
);
--> statement-breakpoint
ALTER TABLE "land_use_statistic" ADD COLUMN "inner_development_ha" double precision;--> statement-breakpoint
ALTER TABLE "claim_land_take" ADD CONSTRAINT "claim_land_take_claim_id_planning_claim_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."planning_claim"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_land_take" ADD CONSTRAINT "claim_land_take_ags_municipality_ags_fk" FOREIGN KEY ("ags") REFERENCES "public"."municipality"("ags") ON DELETE no action ON UPDATE no action;
CREATE TABLE "import_batch" (
	"id" serial PRIMARY KEY NOT NULL,
	"owner_id" integer NOT NULL,
	"target" text NOT NULL,
	"filename" text NOT NULL,
	"format" text NOT NULL,
	"layer" text NOT NULL,
	"source_srid" integer NOT NULL,
	"crs_source" text NOT NULL,
	"crs_evidence" text NOT NULL,
	"fields" jsonb NOT NULL,
	"warnings" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"committed_at" timestamp with time zone,
	CONSTRAINT "import_batch_target_check" CHECK (target in ('claims', 'constraints'))
);
--> statement-breakpoint
CREATE TABLE "import_feature" (
	"batch_id" integer NOT NULL,
	"idx" integer NOT NULL,
	"properties" jsonb NOT NULL,
	"geom" geometry(Geometry,25832),
	"repaired" geometry(MultiPolygon,25832),
	"status" text NOT NULL,
	"code" text,
	"message" text,
	"area_ha" double precision,
	"municipalities" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "import_feature_batch_id_idx_pk" PRIMARY KEY("batch_id","idx"),
	CONSTRAINT "import_feature_status_check" CHECK (status in ('pending', 'valid', 'repairable', 'rejected'))
);
--> statement-breakpoint
ALTER TABLE "import_batch" ADD CONSTRAINT "import_batch_owner_id_app_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_feature" ADD CONSTRAINT "import_feature_batch_id_import_batch_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batch"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_batch_owner_idx" ON "import_batch" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "import_batch_expires_idx" ON "import_batch" USING btree ("expires_at");
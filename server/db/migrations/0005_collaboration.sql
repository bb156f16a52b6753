CREATE TABLE "annotation_report" (
	"annotation_id" integer NOT NULL,
	"reporter_id" integer NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "annotation_report_annotation_id_reporter_id_pk" PRIMARY KEY("annotation_id","reporter_id")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"object_type" text NOT NULL,
	"object_id" text NOT NULL,
	"action" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "conflict_round" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"meeting_date" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"attendees" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conflict_round_status_check" CHECK (status in ('planned', 'in_session', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "conflict_round_item" (
	"round_id" integer NOT NULL,
	"conflict_id" integer NOT NULL,
	"position" integer NOT NULL,
	"decision" text,
	"justification" text,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	CONSTRAINT "conflict_round_item_round_id_conflict_id_pk" PRIMARY KEY("round_id","conflict_id")
);
--> statement-breakpoint
CREATE TABLE "participation_claim" (
	"phase_id" integer NOT NULL,
	"claim_id" integer NOT NULL,
	CONSTRAINT "participation_claim_phase_id_claim_id_pk" PRIMARY KEY("phase_id","claim_id")
);
--> statement-breakpoint
CREATE TABLE "participation_phase" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "participation_phase_period_check" CHECK (ends_at > starts_at)
);
--> statement-breakpoint
CREATE TABLE "user_session" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "annotation" ADD COLUMN "parent_id" integer;--> statement-breakpoint
ALTER TABLE "annotation" ADD COLUMN "phase_id" integer;--> statement-breakpoint
ALTER TABLE "annotation" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "annotation" ADD COLUMN "resolved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "annotation" ADD COLUMN "resolved_by" integer;--> statement-breakpoint
ALTER TABLE "annotation" ADD COLUMN "hidden_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "annotation" ADD COLUMN "hidden_by" integer;--> statement-breakpoint
ALTER TABLE "annotation" ADD COLUMN "hidden_reason" text;--> statement-breakpoint
ALTER TABLE "annotation" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "annotation" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "municipalities" text[];--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "disabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "annotation_report" ADD CONSTRAINT "annotation_report_annotation_id_annotation_id_fk" FOREIGN KEY ("annotation_id") REFERENCES "public"."annotation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annotation_report" ADD CONSTRAINT "annotation_report_reporter_id_app_user_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_round" ADD CONSTRAINT "conflict_round_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_round_item" ADD CONSTRAINT "conflict_round_item_round_id_conflict_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."conflict_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_round_item" ADD CONSTRAINT "conflict_round_item_conflict_id_conflict_id_fk" FOREIGN KEY ("conflict_id") REFERENCES "public"."conflict"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_round_item" ADD CONSTRAINT "conflict_round_item_decided_by_app_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_claim" ADD CONSTRAINT "participation_claim_phase_id_participation_phase_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."participation_phase"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_claim" ADD CONSTRAINT "participation_claim_claim_id_planning_claim_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."planning_claim"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_phase" ADD CONSTRAINT "participation_phase_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_session" ADD CONSTRAINT "user_session_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_object_idx" ON "audit_log" USING btree ("object_type","object_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "participation_claim_claim_idx" ON "participation_claim" USING btree ("claim_id");--> statement-breakpoint
CREATE INDEX "user_session_user_idx" ON "user_session" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "user_session_expires_idx" ON "user_session" USING btree ("expires_at");--> statement-breakpoint
ALTER TABLE "annotation" ADD CONSTRAINT "annotation_parent_id_annotation_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."annotation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annotation" ADD CONSTRAINT "annotation_phase_id_participation_phase_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."participation_phase"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annotation" ADD CONSTRAINT "annotation_resolved_by_app_user_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annotation" ADD CONSTRAINT "annotation_hidden_by_app_user_id_fk" FOREIGN KEY ("hidden_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "annotation_target_idx" ON "annotation" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE INDEX "annotation_parent_idx" ON "annotation" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "annotation_author_idx" ON "annotation" USING btree ("author_id","created_at");--> statement-breakpoint
ALTER TABLE "annotation" ADD CONSTRAINT "annotation_target_type_check" CHECK (target_type is null or target_type in ('claim', 'conflict', 'municipality'));--> statement-breakpoint
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_role_check" CHECK (role in ('admin', 'planner', 'council', 'public'));--> statement-breakpoint
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

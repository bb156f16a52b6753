-- PostGIS must exist before any geometry column. Idempotent so that both backends share this migration.
CREATE EXTENSION IF NOT EXISTS postgis;

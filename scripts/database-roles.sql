-- Two PostgreSQL roles for Sangam (docs/operations.md, "Database roles"):
-- the owner runs migrations and owns every table, trigger and function; the
-- application connects as a role with data rights only (SELECT, INSERT,
-- UPDATE, DELETE), so it cannot alter, disable or drop the audit trail's
-- append-only triggers, nor replace their functions.
--
-- Run once after the first `sangam migrate` (as the owner), connected to the
-- Sangam database as a superuser or as the owner:
--   psql -d sangam -v owner=sangam_owner -v app=sangam_app -f scripts/database-roles.sql
-- Tables added by later migrations (run as the owner) get the same rights
-- through the default privileges below.
\set ON_ERROR_STOP on

REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO :"app";

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app";
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
  GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO :"app";

-- The audit trail is append-only for the application whatever the triggers.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_auditentry FROM :"app";
REVOKE DELETE, TRUNCATE ON audit_auditchainhead FROM :"app";

"""Who acts is the server's word: personal logins, stamps from session_user, a chain key no staff reads

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 22:10:00.000000

Both engines get two columns: `staff_account.db_login` (the person's own PostgreSQL login in
team mode) and `erasure_approval.stamp` (a keyed MAC the server puts on each decision).

On PostgreSQL the rest lives in the server, owned by the schema owner (the role that migrates),
so no staff login can change or bypass it:

* `audit_server_key`: one random key, readable by the owner only (no grant is ever given on it).
  The access log's chain is computed with it inside `gdpr_desk_audit_append`, one server-side step
  under the head-row lock; the desk queues its entries in `access_log_pending`, and a deferred
  trigger calls that function at COMMIT, so the lock is never held across a client round trip; `gdpr_desk_audit_mismatches` re-computes stored entries for the
  verifier. Entries written before this revision keep their workstation-key chain;
  `db_meta.audit_server_chain_from` says where the server's chain begins.
* `gdpr_desk_me()`: the account whose `db_login` is `session_user`; a session of the owner (or a
  member of it, or a superuser) is "trusted" (IT's own jobs; single-owner installations); any
  other login is refused by every function and trigger below.
* Triggers stamp who filed a request, who decided, who made a plan, who wrote a history line, who
  approved or withdrew, who verified, reasoned, redacted, corrected or sent a notice, who weighed
  fraud records, who last changed an organisation setting and who wrote a file, from the
  session's account, whatever the client sent; the filer and the
  decider cannot be changed afterwards; a state moves only along the desk's transition table; an
  approval needs membership in the supervisor group and a different person than the filer; an
  erasure request is done only with a genuine approval in force.
* Accounts change only through `gdpr_desk_account_*` functions that check the caller is in the
  admin group (or a trusted owner session), create or alter the person's login, and log the change.
  Staff logins may update only their own row's sign-in bookkeeping (column grants plus a trigger).

The group names live in `db_meta.team_groups` (written by `db init-team` / `db upgrade`).
Transition pairs are spelled out, not imported, so this revision never changes after release.
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NOT_ACCOUNT = "the database login % is not a GDPR Desk account"
_DEFINER = "SECURITY DEFINER SET search_path FROM CURRENT"

# (from, to, decider only) for every state change the desk makes (desktop/domain/requests.py).
_MOVES = (
    ('received', 'identity_verified', False), ('received', 'in_progress', False),
    ('identity_verified', 'in_progress', False), ('in_progress', 'awaiting_approval', False),
    ('awaiting_approval', 'in_progress', True), ('in_progress', 'done', False),
    ('awaiting_approval', 'refused', True), ('awaiting_approval', 'withdrawn', False),
    ('received', 'refused', False), ('received', 'withdrawn', False),
    ('identity_verified', 'refused', False), ('identity_verified', 'withdrawn', False),
    ('in_progress', 'refused', False), ('in_progress', 'withdrawn', False),
)
_ACTOR_TABLES = ('contact', 'identity_verification', 'one_time_code', 'access_reason', 'register_copy_redaction',
                 'rectification_change', 'recipient_notification', 'fraud_weighing', 'org_setting', 'written_file')
_MOVES_SQL = ", ".join(f"('{a}', '{b}', {str(d).lower()})" for a, b, d in _MOVES)

_ACCOUNT_PROLOGUE = f"""
  SELECT * INTO me FROM gdpr_desk_me();
  IF me.account_id IS NULL AND NOT me.trusted THEN
    RAISE EXCEPTION '{_NOT_ACCOUNT}', session_user USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF me.disabled THEN
    RAISE EXCEPTION 'the account % is disabled', me.username USING ERRCODE = 'insufficient_privilege';
  END IF;"""

FUNCTIONS = [
    "CREATE EXTENSION IF NOT EXISTS pgcrypto",
    """CREATE TABLE audit_server_key (id integer PRIMARY KEY CHECK (id = 1), key bytea NOT NULL)""",
    "INSERT INTO audit_server_key (id, key) VALUES (1, gen_random_bytes(32))",
    "REVOKE ALL ON audit_server_key FROM PUBLIC",
    """INSERT INTO db_meta (key, value) SELECT 'audit_server_chain_from', (seq + 1)::text FROM audit_head
       WHERE id = 1 ON CONFLICT (key) DO NOTHING""",
    f"""CREATE OR REPLACE FUNCTION gdpr_desk_group(p_kind text) RETURNS text LANGUAGE sql STABLE {_DEFINER} AS $$
       SELECT value::json ->> p_kind FROM db_meta WHERE key = 'team_groups' $$""",
    f"""CREATE OR REPLACE FUNCTION gdpr_desk_in_group(p_kind text) RETURNS boolean LANGUAGE plpgsql STABLE {_DEFINER}
       AS $$ DECLARE g text := gdpr_desk_group(p_kind);
       BEGIN
         RETURN g IS NOT NULL AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = g)
                AND pg_has_role(session_user, g, 'MEMBER');
       END $$""",
    f"""CREATE OR REPLACE FUNCTION gdpr_desk_me(OUT account_id integer, OUT username text, OUT role text,
         OUT disabled boolean, OUT trusted boolean) LANGUAGE plpgsql STABLE {_DEFINER} AS $$
       BEGIN
         SELECT a.id, a.username, a.role, a.disabled INTO account_id, username, role, disabled
           FROM staff_account a WHERE a.db_login = session_user::text;
         disabled := coalesce(disabled, false);
         trusted := account_id IS NULL AND pg_has_role(session_user, current_user, 'MEMBER');
       END $$""",
    """CREATE OR REPLACE FUNCTION gdpr_desk_audit_canonical(e access_log) RETURNS text LANGUAGE sql IMMUTABLE AS $$
       SELECT concat_ws(chr(31), e.seq::text, to_char(e.at, 'YYYY-MM-DD"T"HH24:MI:SS.MS'), quote_nullable(e.actor_id),
         quote_nullable(e.actor), quote_nullable(e.workstation), quote_nullable(e.action),
         quote_nullable(e.customer_id), quote_nullable(e.data), quote_nullable(e.purpose),
         quote_nullable(e.detail), quote_nullable(e.reason), quote_nullable(e.request_id)) $$""",
    f"""CREATE OR REPLACE FUNCTION gdpr_desk_audit_hash(e access_log) RETURNS text LANGUAGE sql STABLE {_DEFINER}
       AS $$ SELECT encode(hmac(convert_to(e.prev_hash || chr(31) || gdpr_desk_audit_canonical(e), 'UTF8'),
                               k.key, 'sha256'), 'hex') FROM audit_server_key k WHERE k.id = 1 $$""",
    f"""CREATE OR REPLACE FUNCTION gdpr_desk_audit_append(p_actor_id integer, p_actor text, p_workstation text,
         p_action text, p_data text, p_customer_id integer, p_purpose text, p_detail text, p_reason text,
         p_request_id integer)
       RETURNS TABLE (seq integer, at timestamp, actor_id integer, actor text, prev_hash text, entry_hash text)
       LANGUAGE plpgsql VOLATILE {_DEFINER} AS $$
       DECLARE me record; e access_log%ROWTYPE;
       BEGIN
         {_ACCOUNT_PROLOGUE}
         IF me.account_id IS NOT NULL THEN
           e.actor_id := me.account_id; e.actor := me.username;
         ELSE
           e.actor_id := p_actor_id; e.actor := p_actor;
         END IF;
         SELECT h.seq + 1, h.entry_hash INTO e.seq, e.prev_hash FROM audit_head h WHERE h.id = 1 FOR UPDATE;
         e.at := date_trunc('milliseconds', clock_timestamp() AT TIME ZONE 'UTC');
         e.workstation := p_workstation; e.action := p_action; e.data := p_data; e.customer_id := p_customer_id;
         e.purpose := p_purpose; e.detail := p_detail; e.reason := p_reason; e.request_id := p_request_id;
         e.entry_hash := gdpr_desk_audit_hash(e);
         INSERT INTO access_log SELECT e.*;
         UPDATE audit_head SET seq = e.seq, entry_hash = e.entry_hash WHERE id = 1;
         RETURN QUERY SELECT e.seq, e.at, e.actor_id, e.actor::text, e.prev_hash::text, e.entry_hash::text;
       END $$""",
    # The desk's own appends wait in access_log_pending and are chained by a deferred trigger at
    # COMMIT, inside the server: the head row is then locked only for the chaining and the commit,
    # never while a workstation's process sends its next statement.
    """CREATE TABLE access_log_pending (id bigserial PRIMARY KEY, actor_id integer, actor text, workstation text,
       action text, data text, customer_id integer, purpose text, detail text, reason text, request_id integer)""",
    "REVOKE ALL ON access_log_pending FROM PUBLIC",
    f"""CREATE OR REPLACE FUNCTION gdpr_desk_audit_seal() RETURNS trigger LANGUAGE plpgsql {_DEFINER} AS $$
       BEGIN
         PERFORM gdpr_desk_audit_append(NEW.actor_id, NEW.actor, NEW.workstation, NEW.action, NEW.data,
                                        NEW.customer_id, NEW.purpose, NEW.detail, NEW.reason, NEW.request_id);
         DELETE FROM access_log_pending WHERE id = NEW.id;
         RETURN NULL;
       END $$""",
    """CREATE CONSTRAINT TRIGGER access_log_pending_seal AFTER INSERT ON access_log_pending
       DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION gdpr_desk_audit_seal()""",
    f"""CREATE OR REPLACE FUNCTION gdpr_desk_audit_mismatches(p_from integer, p_to integer) RETURNS SETOF integer
       LANGUAGE sql STABLE {_DEFINER} AS $$
       SELECT l.seq FROM access_log l WHERE l.seq BETWEEN p_from AND p_to
          AND l.entry_hash IS DISTINCT FROM gdpr_desk_audit_hash(l) ORDER BY l.seq $$""",
    f"""CREATE OR REPLACE FUNCTION gdpr_desk_approval_mac(a erasure_approval) RETURNS text LANGUAGE sql STABLE
       {_DEFINER} AS $$
       SELECT encode(hmac(convert_to(concat_ws(chr(31), a.id, a.request_id, a.plan_id, a.plan_fingerprint,
                 a.approver_id, a.decision, quote_nullable(a.reason),
                 to_char(a.decided_at, 'YYYY-MM-DD"T"HH24:MI:SS.US'),
                 quote_nullable(to_char(a.executes_after, 'YYYY-MM-DD"T"HH24:MI:SS.US'))), 'UTF8'),
                 k.key, 'sha256'), 'hex') FROM audit_server_key k WHERE k.id = 1 $$""",
    f"""CREATE OR REPLACE FUNCTION gdpr_desk_approval_genuine(p_id integer) RETURNS boolean LANGUAGE sql STABLE
       {_DEFINER} AS $$
       SELECT coalesce((SELECT a.stamp = gdpr_desk_approval_mac(a) FROM erasure_approval a WHERE a.id = p_id), false) $$""",
    f"""CREATE OR REPLACE FUNCTION gdpr_desk_forged_approvals() RETURNS SETOF integer LANGUAGE sql STABLE {_DEFINER}
       AS $$ SELECT a.id FROM erasure_approval a WHERE a.stamp IS DISTINCT FROM gdpr_desk_approval_mac(a)
             ORDER BY a.id $$""",
    # Decisions made before this revision are vouched for by the owner who migrates.
    "UPDATE erasure_approval SET stamp = gdpr_desk_approval_mac(erasure_approval)",
    # --- stamps on the working tables -------------------------------------------------------------
    f"""CREATE OR REPLACE FUNCTION gdpr_desk_stamp_request() RETURNS trigger LANGUAGE plpgsql {_DEFINER} AS $$
       DECLARE me record; move record;
       BEGIN
         {_ACCOUNT_PROLOGUE}
         IF me.account_id IS NULL THEN RETURN NEW; END IF;
         IF TG_OP = 'INSERT' THEN
           IF NEW.state IS DISTINCT FROM 'received' OR NEW.decision IS NOT NULL THEN
             RAISE EXCEPTION 'a request is filed as received, undecided' USING ERRCODE = 'check_violation';
           END IF;
           NEW.filed_by_id := me.account_id; NEW.decided_by_id := NULL;
           RETURN NEW;
         END IF;
         IF NEW.filed_by_id IS DISTINCT FROM OLD.filed_by_id OR NEW.type IS DISTINCT FROM OLD.type THEN
           RAISE EXCEPTION 'who filed a request, and its type, cannot be changed'
             USING ERRCODE = 'insufficient_privilege';
         END IF;
         IF NEW.decision IS DISTINCT FROM OLD.decision OR NEW.decided_at IS DISTINCT FROM OLD.decided_at THEN
           IF NEW.decision IS NOT NULL AND NOT gdpr_desk_in_group('supervisor') THEN
             RAISE EXCEPTION 'only a supervisor decides a request' USING ERRCODE = 'insufficient_privilege';
           END IF;
           NEW.decided_by_id := CASE WHEN NEW.decision IS NULL THEN NULL ELSE me.account_id END;
         ELSIF NEW.decided_by_id IS DISTINCT FROM OLD.decided_by_id THEN
           RAISE EXCEPTION 'who decided a request cannot be changed' USING ERRCODE = 'insufficient_privilege';
         END IF;
         IF NEW.state IS DISTINCT FROM OLD.state THEN
           SELECT m.decider INTO move FROM (VALUES {_MOVES_SQL}) AS m(source, target, decider)
            WHERE m.source = OLD.state AND m.target = NEW.state;
           IF NOT FOUND THEN
             RAISE EXCEPTION 'a request cannot move from % to %', OLD.state, NEW.state
               USING ERRCODE = 'check_violation';
           END IF;
           IF move.decider AND NOT gdpr_desk_in_group('supervisor') THEN
             RAISE EXCEPTION 'only a supervisor moves a request from % to %', OLD.state, NEW.state
               USING ERRCODE = 'insufficient_privilege';
           END IF;
           IF NEW.type = 'erasure' AND NEW.state = 'done' AND NOT EXISTS (
               SELECT 1 FROM erasure_approval a WHERE a.request_id = NEW.id AND a.decision = 'approved'
                  AND a.withdrawn_at IS NULL AND a.stamp = gdpr_desk_approval_mac(a)) THEN
             RAISE EXCEPTION 'an erasure is done only after a genuine approval' USING ERRCODE = 'check_violation';
           END IF;
         END IF;
         RETURN NEW;
       END $$""",
    """CREATE TRIGGER dsr_request_stamp BEFORE INSERT OR UPDATE ON dsr_request
       FOR EACH ROW EXECUTE FUNCTION gdpr_desk_stamp_request()""",
    f"""CREATE OR REPLACE FUNCTION gdpr_desk_stamp_event() RETURNS trigger LANGUAGE plpgsql {_DEFINER} AS $$
       DECLARE me record;
       BEGIN
         {_ACCOUNT_PROLOGUE}
         IF me.account_id IS NULL THEN RETURN NEW; END IF;
         IF TG_OP = 'INSERT' THEN
           NEW.actor_id := me.account_id; NEW.actor := me.username;
         ELSIF NEW.actor_id IS DISTINCT FROM OLD.actor_id OR NEW.actor IS DISTINCT FROM OLD.actor
               OR NEW.action IS DISTINCT FROM OLD.action OR NEW.at IS DISTINCT FROM OLD.at THEN
           RAISE EXCEPTION 'who did what in a request''s history cannot be changed'
             USING ERRCODE = 'insufficient_privilege';
         END IF;
         RETURN NEW;
       END $$""",
    """CREATE TRIGGER request_event_stamp BEFORE INSERT OR UPDATE ON request_event
       FOR EACH ROW EXECUTE FUNCTION gdpr_desk_stamp_event()""",
    f"""CREATE OR REPLACE FUNCTION gdpr_desk_stamp_plan() RETURNS trigger LANGUAGE plpgsql {_DEFINER} AS $$
       DECLARE me record;
       BEGIN
         {_ACCOUNT_PROLOGUE}
         IF me.account_id IS NOT NULL THEN
           IF TG_OP = 'INSERT' THEN
             NEW.created_by_id := me.account_id;
           ELSIF NEW.created_by_id IS DISTINCT FROM OLD.created_by_id OR NEW.fingerprint IS DISTINCT FROM OLD.fingerprint
                 OR NEW.plan IS DISTINCT FROM OLD.plan OR NEW.request_id IS DISTINCT FROM OLD.request_id THEN
             RAISE EXCEPTION 'a stored erasure plan cannot be changed' USING ERRCODE = 'insufficient_privilege';
           END IF;
         END IF;
         RETURN NEW;
       END $$""",
    """CREATE TRIGGER erasure_plan_stamp BEFORE INSERT OR UPDATE ON erasure_plan
       FOR EACH ROW EXECUTE FUNCTION gdpr_desk_stamp_plan()""",
    # Every other "which staff member did this" column: stamped on insert, fixed afterwards.
    f"""CREATE OR REPLACE FUNCTION gdpr_desk_stamp_actor() RETURNS trigger LANGUAGE plpgsql {_DEFINER} AS $$
       DECLARE me record; col text := TG_ARGV[0]; mode text := CASE WHEN TG_NARGS > 1 THEN TG_ARGV[1] END;
               name_col text := CASE WHEN TG_NARGS > 2 THEN TG_ARGV[2] END;
               on_send boolean := mode IS NOT DISTINCT FROM 'on_send'; now_sent boolean; stamp jsonb;
       BEGIN
         {_ACCOUNT_PROLOGUE}
         IF me.account_id IS NULL THEN RETURN NEW; END IF;
         stamp := jsonb_build_object(col, me.account_id);
         IF name_col IS NOT NULL THEN
           stamp := stamp || jsonb_build_object(name_col, me.username);
         END IF;
         -- 'every_change': who last changed the row (an organisation setting), stamped on each write.
         IF TG_OP = 'INSERT' OR mode IS NOT DISTINCT FROM 'every_change' THEN
           IF NOT on_send OR (to_jsonb(NEW) ->> 'sent_at') IS NOT NULL THEN
             NEW := jsonb_populate_record(NEW, stamp);
           ELSE
             NEW := jsonb_populate_record(NEW, jsonb_build_object(col, NULL));
           END IF;
           RETURN NEW;
         END IF;
         now_sent := on_send AND (to_jsonb(OLD) ->> 'sent_at') IS NULL AND (to_jsonb(NEW) ->> 'sent_at') IS NOT NULL;
         IF now_sent THEN
           NEW := jsonb_populate_record(NEW, stamp);
         ELSIF (to_jsonb(NEW) -> col) IS DISTINCT FROM (to_jsonb(OLD) -> col)
               OR (name_col IS NOT NULL AND (to_jsonb(NEW) -> name_col) IS DISTINCT FROM (to_jsonb(OLD) -> name_col)) THEN
           RAISE EXCEPTION 'who did it (%.%) cannot be changed', TG_TABLE_NAME, col
             USING ERRCODE = 'insufficient_privilege';
         END IF;
         RETURN NEW;
       END $$""",
    *[f"""CREATE TRIGGER {table}_stamp_actor BEFORE INSERT OR UPDATE ON {table}
          FOR EACH ROW EXECUTE FUNCTION gdpr_desk_stamp_actor({args})"""
      for table, args in (('contact', "'agent_id'"), ('identity_verification', "'agent_id'"),
                          ('one_time_code', "'agent_id'"), ('access_reason', "'agent_id'"),
                          ('register_copy_redaction', "'actor_id'"), ('rectification_change', "'actor_id'"),
                          ('recipient_notification', "'sent_by_id', 'on_send'"),
                          ('fraud_weighing', "'decided_by_id', 'fixed', 'decided_by'"),
                          ('org_setting', "'changed_by_id', 'every_change'"), ('written_file', "'written_by'"))],
    # The four-eyes trigger of 0004, now taking the approver from the session and sealing the row.
    f"""CREATE OR REPLACE FUNCTION gdpr_desk_erasure_four_eyes() RETURNS trigger LANGUAGE plpgsql {_DEFINER} AS $$
       DECLARE filer integer; rtype text; me record;
       BEGIN
         {_ACCOUNT_PROLOGUE}
         IF me.account_id IS NOT NULL THEN
           NEW.approver_id := me.account_id; NEW.withdrawn_at := NULL; NEW.withdrawn_by_id := NULL;
           IF NOT gdpr_desk_in_group('supervisor') THEN
             RAISE EXCEPTION 'erasure decision refused: the approver must be in the supervisor group'
               USING ERRCODE = 'insufficient_privilege';
           END IF;
         END IF;
         SELECT filed_by_id, type INTO filer, rtype FROM dsr_request WHERE id = NEW.request_id;
         IF rtype IS DISTINCT FROM 'erasure' OR filer IS NOT DISTINCT FROM NEW.approver_id
            OR NOT EXISTS (SELECT 1 FROM staff_account WHERE id = NEW.approver_id AND NOT disabled
                           AND role IN ('supervisor', 'admin')) THEN
           RAISE EXCEPTION 'erasure decision refused: the approver must be an active supervisor or administrator who did not file the request, and the request must be an erasure'
             USING ERRCODE = 'check_violation';
         END IF;
         NEW.stamp := gdpr_desk_approval_mac(NEW);
         RETURN NEW;
       END $$""",
    f"""CREATE OR REPLACE FUNCTION gdpr_desk_erasure_fixed() RETURNS trigger LANGUAGE plpgsql {_DEFINER} AS $$
       DECLARE me record;
       BEGIN
         {_ACCOUNT_PROLOGUE}
         IF me.account_id IS NOT NULL AND NEW.withdrawn_at IS NOT NULL AND OLD.withdrawn_at IS NULL THEN
           NEW.withdrawn_by_id := me.account_id;
         END IF;
         IF NEW.request_id IS DISTINCT FROM OLD.request_id OR NEW.plan_id IS DISTINCT FROM OLD.plan_id
            OR NEW.plan_fingerprint IS DISTINCT FROM OLD.plan_fingerprint
            OR NEW.approver_id IS DISTINCT FROM OLD.approver_id OR NEW.decision IS DISTINCT FROM OLD.decision
            OR NEW.reason IS DISTINCT FROM OLD.reason OR NEW.decided_at IS DISTINCT FROM OLD.decided_at
            OR NEW.executes_after IS DISTINCT FROM OLD.executes_after OR NEW.stamp IS DISTINCT FROM OLD.stamp
            OR (OLD.withdrawn_at IS NOT NULL AND (NEW.withdrawn_at IS DISTINCT FROM OLD.withdrawn_at
                                                  OR NEW.withdrawn_by_id IS DISTINCT FROM OLD.withdrawn_by_id)) THEN
           RAISE EXCEPTION 'an erasure decision cannot be changed; it can only be withdrawn, once'
             USING ERRCODE = 'check_violation';
         END IF;
         RETURN NEW;
       END $$""",
    # --- accounts ---------------------------------------------------------------------------------
    """CREATE OR REPLACE FUNCTION gdpr_desk_own_row_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         -- current_user is the session's own login only outside the owner's functions.
         IF current_user::text = session_user::text AND OLD.db_login IS DISTINCT FROM session_user::text
            AND EXISTS (SELECT 1 FROM staff_account WHERE db_login = session_user::text) THEN
           RAISE EXCEPTION 'an account is changed only by its owner''s sign-in or by an administrator'
             USING ERRCODE = 'insufficient_privilege';
         END IF;
         RETURN NEW;
       END $$""",
    """CREATE TRIGGER staff_account_own_row BEFORE UPDATE ON staff_account
       FOR EACH ROW EXECUTE FUNCTION gdpr_desk_own_row_only()""",
    f"""CREATE OR REPLACE FUNCTION gdpr_desk_require_admin() RETURNS void LANGUAGE plpgsql {_DEFINER} AS $$
       DECLARE me record;
       BEGIN
         {_ACCOUNT_PROLOGUE}
         IF me.account_id IS NOT NULL AND NOT gdpr_desk_in_group('admin') THEN
           RAISE EXCEPTION 'only an administrator changes accounts' USING ERRCODE = 'insufficient_privilege';
         END IF;
       END $$""",
    f"""CREATE OR REPLACE FUNCTION gdpr_desk_account_login(p_username text) RETURNS text LANGUAGE plpgsql STABLE
       {_DEFINER} AS $$
       DECLARE base text := gdpr_desk_group('base'); login text;
       BEGIN
         IF base IS NULL THEN
           RAISE EXCEPTION 'this database has no personal logins yet: run gdpr-desk db init-team as the owner'
             USING ERRCODE = 'object_not_in_prerequisite_state';
         END IF;
         login := base || '.' || lower(p_username);
         IF octet_length(login) > 63 THEN
           RAISE EXCEPTION 'the user name % is too long for a database login', p_username
             USING ERRCODE = 'invalid_parameter_value';
         END IF;
         RETURN login;
       END $$""",
    f"""CREATE OR REPLACE FUNCTION gdpr_desk_account_add(p_username text, p_display text, p_role text,
         p_password_hash text, p_verifier text, p_actor text, p_workstation text)
       RETURNS TABLE (account_id integer, db_login text) LANGUAGE plpgsql VOLATILE {_DEFINER} AS $$
       DECLARE login text; grp text; new_id integer;
       BEGIN
         PERFORM gdpr_desk_require_admin();
         IF p_role NOT IN ('agent', 'supervisor', 'admin') THEN
           RAISE EXCEPTION 'unknown role %', p_role USING ERRCODE = 'invalid_parameter_value';
         END IF;
         login := gdpr_desk_account_login(p_username);
         grp := gdpr_desk_group(p_role);
         IF EXISTS (SELECT 1 FROM staff_account WHERE username = p_username) THEN
           RAISE EXCEPTION 'the user % exists already', p_username USING ERRCODE = 'unique_violation';
         END IF;
         IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login) THEN
           RAISE EXCEPTION 'a database login called % exists already', login USING ERRCODE = 'duplicate_object';
         END IF;
         EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS '
                        'INHERIT IN ROLE %I', login, grp);
         IF p_verifier IS NOT NULL THEN
           EXECUTE format('ALTER ROLE %I PASSWORD %L', login, p_verifier);
         END IF;
         IF current_schema() <> 'public' THEN
           EXECUTE format('ALTER ROLE %I IN DATABASE %I SET search_path = %I', login, current_database(),
                          current_schema());
         END IF;
         INSERT INTO staff_account (username, display_name, role, password_hash, disabled, failed_attempts,
                                    created_at, db_login)
         VALUES (p_username, p_display, p_role, p_password_hash, false, 0,
                 date_trunc('milliseconds', clock_timestamp() AT TIME ZONE 'UTC'), login)
         RETURNING id INTO new_id;
         PERFORM gdpr_desk_audit_append(NULL, p_actor, p_workstation, 'account_add', 'staff_account', NULL, NULL,
                                        format('user=%s; role=%s; login=%s', p_username, p_role, login), NULL, NULL);
         RETURN QUERY SELECT new_id, login;
       END $$""",
    f"""CREATE OR REPLACE FUNCTION gdpr_desk_account_change(p_username text, p_role text, p_disabled boolean,
         p_password_hash text, p_verifier text, p_actor text, p_workstation text)
       RETURNS text LANGUAGE plpgsql VOLATILE {_DEFINER} AS $$
       DECLARE me record; acc staff_account%ROWTYPE; what text := '';
       BEGIN
         {_ACCOUNT_PROLOGUE}
         SELECT * INTO acc FROM staff_account WHERE username = p_username FOR UPDATE;
         IF NOT FOUND THEN
           RAISE EXCEPTION 'no user called %', p_username USING ERRCODE = 'no_data_found';
         END IF;
         -- A person may set their own password; everything else needs an administrator.
         IF me.account_id IS NOT NULL AND NOT gdpr_desk_in_group('admin') AND (
              acc.id <> me.account_id OR p_role IS NOT NULL OR p_disabled IS NOT NULL) THEN
           RAISE EXCEPTION 'only an administrator changes accounts' USING ERRCODE = 'insufficient_privilege';
         END IF;
         IF p_role IS NOT NULL AND p_role IS DISTINCT FROM acc.role THEN
           IF p_role NOT IN ('agent', 'supervisor', 'admin') THEN
             RAISE EXCEPTION 'unknown role %', p_role USING ERRCODE = 'invalid_parameter_value';
           END IF;
           IF acc.db_login IS NOT NULL AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = acc.db_login) THEN
             EXECUTE format('REVOKE %I FROM %I', gdpr_desk_group(acc.role), acc.db_login);
             EXECUTE format('GRANT %I TO %I', gdpr_desk_group(p_role), acc.db_login);
           END IF;
           UPDATE staff_account SET role = p_role WHERE id = acc.id;
           what := what || format('role %s -> %s; ', acc.role, p_role);
         END IF;
         IF p_disabled IS NOT NULL AND p_disabled IS DISTINCT FROM acc.disabled THEN
           IF acc.db_login IS NOT NULL AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = acc.db_login) THEN
             EXECUTE format('ALTER ROLE %I %s', acc.db_login, CASE WHEN p_disabled THEN 'NOLOGIN' ELSE 'LOGIN' END);
           END IF;
           UPDATE staff_account SET disabled = p_disabled WHERE id = acc.id;
           what := what || CASE WHEN p_disabled THEN 'disabled; ' ELSE 'enabled; ' END;
         END IF;
         IF p_password_hash IS NOT NULL THEN
           IF acc.db_login IS NOT NULL AND p_verifier IS NOT NULL
              AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = acc.db_login) THEN
             EXECUTE format('ALTER ROLE %I PASSWORD %L', acc.db_login, p_verifier);
           END IF;
           UPDATE staff_account SET password_hash = p_password_hash, failed_attempts = 0, locked_until = NULL
            WHERE id = acc.id;
           what := what || 'password set; ';
         END IF;
         IF what <> '' THEN
           PERFORM gdpr_desk_audit_append(NULL, p_actor, p_workstation, 'account_change', 'staff_account', NULL,
                                          NULL, format('user=%s; %s', p_username, rtrim(what, '; ')), NULL, NULL);
         END IF;
         RETURN rtrim(what, '; ');
       END $$""",
]

#: Every function above is closed to PUBLIC; `db init-team` grants the staff groups what they call.
FUNCTION_SIGNATURES = (
    "gdpr_desk_group(text)", "gdpr_desk_in_group(text)", "gdpr_desk_me()", "gdpr_desk_audit_canonical(access_log)",
    "gdpr_desk_audit_hash(access_log)",
    "gdpr_desk_audit_append(integer, text, text, text, text, integer, text, text, text, integer)",
    "gdpr_desk_audit_mismatches(integer, integer)", "gdpr_desk_approval_mac(erasure_approval)",
    "gdpr_desk_audit_seal()",
    "gdpr_desk_approval_genuine(integer)", "gdpr_desk_forged_approvals()", "gdpr_desk_stamp_request()",
    "gdpr_desk_stamp_event()", "gdpr_desk_stamp_plan()", "gdpr_desk_stamp_actor()", "gdpr_desk_erasure_four_eyes()",
    "gdpr_desk_erasure_fixed()", "gdpr_desk_own_row_only()", "gdpr_desk_require_admin()",
    "gdpr_desk_account_login(text)", "gdpr_desk_account_add(text, text, text, text, text, text, text)",
    "gdpr_desk_account_change(text, text, boolean, text, text, text, text)",
)

_OLD_FOUR_EYES = """CREATE OR REPLACE FUNCTION gdpr_desk_erasure_four_eyes() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE filer integer; rtype text;
       BEGIN
         SELECT filed_by_id, type INTO filer, rtype FROM dsr_request WHERE id = NEW.request_id;
         IF rtype IS DISTINCT FROM 'erasure' OR filer IS NOT DISTINCT FROM NEW.approver_id
            OR NOT EXISTS (SELECT 1 FROM staff_account WHERE id = NEW.approver_id AND NOT disabled
                           AND role IN ('supervisor', 'admin')) THEN
           RAISE EXCEPTION 'erasure decision refused: the approver must be an active supervisor or administrator who did not file the request, and the request must be an erasure' USING ERRCODE = 'check_violation';
         END IF;
         RETURN NEW;
       END $$"""
_OLD_FIXED = """CREATE OR REPLACE FUNCTION gdpr_desk_erasure_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NEW.request_id IS DISTINCT FROM OLD.request_id OR NEW.plan_id IS DISTINCT FROM OLD.plan_id
            OR NEW.plan_fingerprint IS DISTINCT FROM OLD.plan_fingerprint
            OR NEW.approver_id IS DISTINCT FROM OLD.approver_id OR NEW.decision IS DISTINCT FROM OLD.decision
            OR NEW.reason IS DISTINCT FROM OLD.reason OR NEW.decided_at IS DISTINCT FROM OLD.decided_at
            OR NEW.executes_after IS DISTINCT FROM OLD.executes_after
            OR (OLD.withdrawn_at IS NOT NULL AND (NEW.withdrawn_at IS DISTINCT FROM OLD.withdrawn_at
                                                  OR NEW.withdrawn_by_id IS DISTINCT FROM OLD.withdrawn_by_id)) THEN
           RAISE EXCEPTION 'an erasure decision cannot be changed; it can only be withdrawn, once' USING ERRCODE = 'check_violation';
         END IF;
         RETURN NEW;
       END $$"""


def upgrade() -> None:
    with op.batch_alter_table('staff_account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('db_login', sa.String(length=63), nullable=True))
        batch_op.create_index('uq_staff_account_db_login', ['db_login'], unique=True)
    with op.batch_alter_table('erasure_approval', schema=None) as batch_op:
        batch_op.add_column(sa.Column('stamp', sa.String(length=64), nullable=True))
    if op.get_bind().dialect.name != 'postgresql':
        return
    for statement in FUNCTIONS:
        op.execute(statement)
    for signature in FUNCTION_SIGNATURES:
        op.execute(f'REVOKE ALL ON FUNCTION {signature} FROM PUBLIC')


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        for trigger, table in (('dsr_request_stamp', 'dsr_request'), ('request_event_stamp', 'request_event'),
                               ('erasure_plan_stamp', 'erasure_plan'), ('staff_account_own_row', 'staff_account'),
                               *((f'{t}_stamp_actor', t) for t in _ACTOR_TABLES)):
            op.execute(f'DROP TRIGGER IF EXISTS {trigger} ON {table}')
        op.execute(_OLD_FOUR_EYES)
        op.execute(_OLD_FIXED)
        op.execute('DROP TABLE IF EXISTS access_log_pending')  # its trigger needs gdpr_desk_audit_seal()
        for signature in FUNCTION_SIGNATURES:
            if 'erasure_four_eyes' in signature or 'erasure_fixed' in signature:
                continue
            op.execute(f'DROP FUNCTION IF EXISTS {signature}')
        op.execute('DROP TABLE IF EXISTS audit_server_key')
        op.execute("DELETE FROM db_meta WHERE key = 'audit_server_chain_from'")
    with op.batch_alter_table('erasure_approval', schema=None) as batch_op:
        batch_op.drop_column('stamp')
    with op.batch_alter_table('staff_account', schema=None) as batch_op:
        batch_op.drop_index('uq_staff_account_db_login')
        batch_op.drop_column('db_login')

-- A session's timeline becomes one row per session and flush: entries is a JSON array of
-- {at, kind, name, detail} in time order (kind page_load, action, js_error, custom or span). A busy
-- intake wrote tens of thousands of single-entry rows per flush; chunks keep it to one per session.
-- The cap (lightswitch.sessions.timeline-cap) still counts entries.
drop table session_event;
create table session_event (
    id          bigserial primary key,
    project     text        not null,
    environment text        not null,
    session_id  text        not null,
    first_at    timestamptz not null,
    last_at     timestamptz not null,
    entries     jsonb       not null
);
create index session_event_by_session on session_event (project, environment, session_id, first_at);

-- Every intake flush updates thousands of sessions; a GIN index on flags made each update costly.
-- Searches by flag narrow by time first (session_recent) and filter flags from there.
drop index session_flags;

-- Series and session rows are rewritten by every flush that touches them. Room left in each page lets
-- PostgreSQL update a row in place (a HOT update) when no indexed column changes, so the indexes are
-- not rewritten too.
alter table series set (fillfactor = 70);
alter table session set (fillfactor = 80);

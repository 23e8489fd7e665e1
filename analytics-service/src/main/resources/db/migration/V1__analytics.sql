-- analytics-service owns this schema; no other service reads it.

-- Envelope ids of every message whose effects are committed: the idempotency guard of the intake.
create table processed_message (
    id           text primary key,
    type         text        not null,
    processed_at timestamptz not null default now()
);
create index processed_message_age on processed_message (processed_at);

-- Aggregates per (environment, flag, variant, service, operation) and time bucket, at three
-- resolutions written together (10 s, 60 s, 3600 s), so no rollup job can miss late data.
-- flag_key = '' and variant = '' hold all traffic of the service (the baseline without flags).
-- RUM beacons use service 'browser' and the page path as operation; exposures (evaluations reported
-- by flag-service or OTLP log records) use service '' and operation '', and count users and exposures.
-- id joins the key columns with U+001F; counters are additive, sketches are merged in Java.
create table series (
    id                 text primary key,
    resolution         integer     not null,
    bucket_start       timestamptz not null,
    project            text        not null,
    environment        text        not null,
    flag_key           text        not null,
    variant            text        not null,
    service            text        not null,
    operation          text        not null,
    requests           bigint      not null default 0,
    errors             bigint      not null default 0,
    latency_n          bigint      not null default 0,
    latency_sum_log    double precision not null default 0,
    latency_sum_log_sq double precision not null default 0,
    latency_sketch     bytea,
    users_hll          bytea,
    exposures          bigint      not null default 0,
    beacons            bigint      not null default 0,
    beacons_js_error   bigint      not null default 0,
    js_errors          bigint      not null default 0,
    actions            bigint      not null default 0,
    page_loads         bigint      not null default 0,
    ttfb_n             bigint      not null default 0,
    ttfb_sum_log       double precision not null default 0,
    ttfb_sum_log_sq    double precision not null default 0,
    lcp_n              bigint      not null default 0,
    lcp_sum_log        double precision not null default 0,
    lcp_sum_log_sq     double precision not null default 0,
    inp_n              bigint      not null default 0,
    inp_sum_log        double precision not null default 0,
    inp_sum_log_sq     double precision not null default 0,
    cls_n              bigint      not null default 0,
    cls_sum_log        double precision not null default 0,
    cls_sum_log_sq     double precision not null default 0,
    -- custom event name -> beacons that carried it at least once
    custom_events      jsonb       not null default '{}'::jsonb
);
create index series_by_flag on series (project, environment, flag_key, resolution, bucket_start);
create index series_by_service on series (project, environment, service, resolution, bucket_start)
    where flag_key = '';
create index series_retention on series (resolution, bucket_start);

-- Who saw which variant: from FlagExposed (flag-service evaluations, OTLP evaluation log records)
-- and from telemetry that carried flags. Joins telemetry without flags to a variant by context id.
create table exposure (
    project     text        not null,
    environment text        not null,
    context_id  text        not null,
    flag_key    text        not null,
    variant     text        not null,
    first_seen  timestamptz not null,
    last_seen   timestamptz not null,
    primary key (project, environment, context_id, flag_key)
);
create index exposure_by_flag on exposure (project, environment, flag_key, last_seen);

create table session (
    project        text        not null,
    environment    text        not null,
    session_id     text        not null,
    user_id        text,
    first_seen     timestamptz not null,
    last_seen      timestamptz not null,
    browser        text,
    browser_version text,
    os             text,
    device         text,
    country        text,
    flags          jsonb       not null default '{}'::jsonb,
    error_count    bigint      not null default 0,
    page_loads     bigint      not null default 0,
    actions        bigint      not null default 0,
    spans          bigint      not null default 0,
    timeline_size  bigint      not null default 0,
    replay_chunks  bigint      not null default 0,
    primary key (project, environment, session_id)
);
create index session_recent on session (project, environment, last_seen desc);
create index session_by_user on session (project, environment, user_id, last_seen desc);
create index session_flags on session using gin (flags jsonb_path_ops);

-- A session's timeline, capped per session (lightswitch.sessions.timeline-cap).
create table session_event (
    id          bigserial primary key,
    project     text        not null,
    environment text        not null,
    session_id  text        not null,
    at          timestamptz not null,
    kind        text        not null,
    name        text,
    detail      jsonb
);
create index session_event_by_session on session_event (project, environment, session_id, at);

create table session_replay (
    project     text        not null,
    environment text        not null,
    session_id  text        not null,
    seq         integer     not null,
    at          timestamptz not null,
    events      jsonb       not null,
    primary key (project, environment, session_id, seq)
);

-- Errors grouped by fingerprint (type, normalised message, top frame) per flag variant; '' = all.
create table error_group (
    id           text primary key,
    project      text        not null,
    environment  text        not null,
    flag_key     text        not null,
    variant      text        not null,
    fingerprint  text        not null,
    source       text        not null,
    service      text,
    error_type   text        not null,
    message      text,
    top_frame    text,
    occurrences  bigint      not null default 0,
    users_hll    bytea,
    first_seen   timestamptz not null,
    last_seen    timestamptz not null,
    sample_stack text,
    sample_message text
);
create index error_group_by_flag on error_group (project, environment, flag_key, variant, occurrences desc);

-- Calls between services per flag variant, by minute: a child span whose parent is in another service.
create table dependency_edge (
    project      text        not null,
    environment  text        not null,
    bucket_start timestamptz not null,
    flag_key     text        not null,
    variant      text        not null,
    caller       text        not null,
    callee       text        not null,
    calls        bigint      not null default 0,
    errors       bigint      not null default 0,
    primary key (project, environment, flag_key, variant, caller, callee, bucket_start)
);
create index dependency_edge_window on dependency_edge (project, environment, bucket_start);

-- Recent spans that may be one end of a cross-service call, kept minutes, so the other end can find
-- them when it arrives in a later message. Unlogged: losing them on a crash loses edges, not data.
create unlogged table span_end (
    project     text        not null,
    environment text        not null,
    span_id     text        not null,
    role        text        not null, -- 'p' parent (the caller's span), 'c' child (the callee's entry span)
    service     text        not null,
    error       boolean     not null,
    flags       jsonb       not null,
    at          timestamptz not null,
    primary key (project, environment, span_id, role)
);
create index span_end_age on span_end (at);

-- Every flag change seen, from flag-service and from provider webhooks (through ingest-service).
create table flag_change (
    id            text primary key,
    project       text        not null,
    environment   text,
    flag_key      text        not null,
    flag_version  bigint      not null,
    change        text        not null,
    actor_kind    text,
    actor_id      text,
    actor_name    text,
    reason        text,
    occurred_at   timestamptz not null,
    source        text        not null,
    before_state  jsonb,
    after_state   jsonb
);
create index flag_change_by_flag on flag_change (project, environment, flag_key, occurred_at);
create index flag_change_recent on flag_change (project, environment, occurred_at);

-- The latest known state of each flag per environment, for the detection job.
create table flag_state (
    project      text        not null,
    environment  text        not null,
    flag_key     text        not null,
    flag_version bigint      not null,
    enabled      boolean,
    off_variant  text,
    changed_at   timestamptz not null,
    deleted      boolean     not null default false,
    primary key (project, environment, flag_key)
);

-- Current verdict per flag variant, metric and slice (service = '' and operation = '' for all traffic),
-- written by the detection job. evidence is the contracts' VerdictEvidence as JSON.
create table verdict (
    project         text        not null,
    environment     text        not null,
    flag_key        text        not null,
    variant         text        not null,
    metric          text        not null,
    service         text        not null default '',
    operation       text        not null default '',
    status          text        not null,
    previous_status text,
    reason          text        not null,
    evidence        jsonb       not null,
    assessed_at     timestamptz not null,
    since           timestamptz not null,
    sentence        text        not null,
    rank            integer,
    primary key (project, environment, flag_key, variant, metric, service, operation)
);

-- Every status change of a verdict, for the impact timeline.
create table verdict_change (
    id              bigserial primary key,
    project         text        not null,
    environment     text        not null,
    flag_key        text        not null,
    variant         text        not null,
    metric          text        not null,
    service         text        not null default '',
    operation       text        not null default '',
    status          text        not null,
    previous_status text,
    reason          text        not null,
    evidence        jsonb       not null,
    sentence        text        not null,
    at              timestamptz not null
);
create index verdict_change_by_flag on verdict_change (project, environment, flag_key, at);

-- Verdicts to publish on lightswitch.analytics.events, written with the verdict in one transaction.
create table outbox (
    id           uuid primary key,
    routing_key  text        not null,
    body         bytea       not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);
create index outbox_unpublished on outbox (created_at) where published_at is null;

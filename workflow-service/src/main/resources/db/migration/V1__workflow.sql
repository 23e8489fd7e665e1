-- workflow-service owns this schema; no other service reads it.

-- Envelope ids of every consumed message whose effects are committed, claimed in the same transaction as
-- the effects: a redelivered message, or the copy another replica holds, finds its id taken.
create table processed_message (
    id           uuid primary key,
    type         text        not null,
    processed_at timestamptz not null default now()
);
create index processed_message_age on processed_message (processed_at);

-- Environments workflow has seen a message about. The first sighting creates the environment's default
-- guard rule; later ones do not, so a guard that a user deleted stays deleted.
create table known_environment (
    project       text        not null,
    environment   text        not null,
    first_seen_at timestamptz not null default now(),
    primary key (project, environment)
);

-- Rules, as the domain's Rule: the flag selector is one of key, tag or all; condition and actions are
-- JSON documents ({"type": "IncreaseOverControl", ...}, [{"type": "DisableFlag"}, ...]).
create table rule (
    id             text primary key,
    project        text        not null,
    environment    text        not null,
    name           text        not null,
    trigger        text        not null check (trigger in ('VERDICT', 'FLAG_CHANGE')),
    flag_selector  text        not null check (flag_selector in ('key', 'tag', 'all')),
    flag_value     text,
    metric         text,
    condition      jsonb,
    min_samples    bigint      not null,
    cooldown_ms    bigint      not null,
    enabled        boolean     not null,
    dry_run        boolean     not null,
    actions        jsonb       not null,
    default_guard  boolean     not null default false,
    version        bigint      not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);
create index rule_scope on rule (project, environment, trigger);

-- One row per rule firing: an incident of a verdict rule (id from IncidentKey.forVerdict), or the
-- notification of a flag-change rule (IncidentKey.forFlagChange), recorded closed. No foreign key to rule:
-- the history outlives the rule. The slice (service, operation) is evidence, not part of the identity.
create table incident (
    id            uuid primary key,
    trigger       text        not null check (trigger in ('VERDICT', 'FLAG_CHANGE')),
    rule_id       text        not null,
    rule_name     text        not null,
    project       text        not null,
    environment   text,
    flag_key      text        not null,
    variant       text,
    metric        text,
    service       text,
    operation     text,
    window_since  timestamptz,
    dry_run       boolean     not null,
    status        text        not null check (status in ('open', 'closed')),
    opened_at     timestamptz not null,
    recorded_at   timestamptz not null default now(),
    closed_at     timestamptz,
    close_reason  text check (close_reason in ('confirmed', 'recovered', 'notified')),
    -- the opening verdict or flag change, as received
    evidence      jsonb       not null,
    verdicts      integer     not null default 1,
    last_seen_at  timestamptz not null
);
create index incident_cooldown on incident (rule_id, project, environment, flag_key, variant, metric, opened_at);
create index incident_open on incident (project, environment, flag_key) where status = 'open';
create index incident_listing on incident (project, opened_at desc);

-- One row per incident and action: what it did or, for a dry run, would have done, and how it went.
-- Commands: queued -> published (broker confirmed) -> confirmed (flag-service's FlagChanged by the rule).
-- Webhooks: pending -> delivered | failed. Dry runs: dry_run. Unusable at run time: failed.
create table action_execution (
    incident_id     uuid        not null references incident (id) on delete cascade,
    action_index    integer     not null,
    type            text        not null check (type in ('DisableFlag', 'SetRollout', 'CallWebhook')),
    status          text        not null
        check (status in ('dry_run', 'queued', 'published', 'confirmed', 'pending', 'delivered', 'failed')),
    command_id      uuid unique,
    -- the command as sent, or the webhook request without header values
    payload         jsonb       not null,
    attempts        integer     not null default 0,
    response_status integer,
    response_body   text,
    detail          text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    primary key (incident_id, action_index)
);
create index action_execution_recent on action_execution (created_at desc);

-- Webhook calls waiting for their next attempt. A worker claims due rows with FOR UPDATE SKIP LOCKED and
-- moves next_attempt_at past the request timeout (a lease), so replicas never send the same attempt twice,
-- and an attempt lost with its replica is made again once the lease ran out.
create table webhook_delivery (
    id               uuid primary key,
    incident_id      uuid        not null,
    action_index     integer     not null,
    url              text        not null,
    method           text        not null,
    headers          jsonb       not null,
    body             text        not null,
    max_attempts     integer     not null,
    initial_backoff_ms bigint    not null,
    attempts         integer     not null default 0,
    status           text        not null check (status in ('pending', 'delivered', 'failed')),
    next_attempt_at  timestamptz not null,
    -- [{at, status, error, durationMs}, ...]
    attempt_log      jsonb       not null default '[]'::jsonb,
    created_at       timestamptz not null default now(),
    finished_at      timestamptz,
    unique (incident_id, action_index),
    foreign key (incident_id, action_index) references action_execution (incident_id, action_index)
        on delete cascade
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'pending';

-- Commands for flag-service, written with the incident; the relay publishes them with publisher confirms.
-- The id is the command id (CommandFactory.commandId), so an incident can only ever queue it once.
create table outbox (
    id           uuid primary key,
    routing_key  text        not null,
    type         text        not null,
    body         bytea       not null,
    created_at   timestamptz not null default clock_timestamp(),
    attempts     integer     not null default 0,
    published_at timestamptz
);
create index outbox_unpublished on outbox (created_at) where published_at is null;

-- Flag-service owns this schema; no other service reads it.

create table project (
    id          uuid primary key,
    key         text not null unique,
    name        text not null,
    description text,
    created_at  timestamptz not null
);

create table environment (
    id         uuid primary key,
    project_id uuid not null references project (id) on delete cascade,
    key        text not null,
    name       text not null,
    created_at timestamptz not null,
    unique (project_id, key)
);

-- Keys and admin tokens. Only the SHA-256 of a secret is stored; the secret is shown once.
create table credential (
    id             text primary key,
    kind           text not null check (kind in ('admin', 'server', 'client', 'ingest')),
    role           text,
    name           text,
    project_id     uuid references project (id) on delete cascade,
    environment_id uuid references environment (id) on delete cascade,
    key_hash       text not null unique,
    key_prefix     text not null,
    created_at     timestamptz not null,
    revoked_at     timestamptz
);
create index credential_environment on credential (environment_id) where revoked_at is null;

create table flag (
    id             uuid primary key,
    project_id     uuid not null references project (id) on delete cascade,
    key            text not null,
    name           text not null,
    description    text,
    tags           text not null,
    type           text not null,
    variants       text not null,
    client_visible boolean not null,
    salt           text not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    unique (project_id, key)
);

-- The per-environment state is one JSON document per (flag, environment): it is always read and
-- written whole, evaluated from memory, and versioned as a unit.
create table flag_state (
    flag_id        uuid not null references flag (id) on delete cascade,
    environment_id uuid not null references environment (id) on delete cascade,
    enabled        boolean not null,
    off_variant    text not null,
    rules          text not null,
    default_serve  text not null,
    overrides      text not null,
    version        bigint not null,
    updated_at     timestamptz not null,
    primary key (flag_id, environment_id)
);

create table segment (
    id          uuid primary key,
    project_id  uuid not null references project (id) on delete cascade,
    key         text not null,
    name        text not null,
    description text,
    match       text not null,
    conditions  text not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    unique (project_id, key)
);

create table scheduled_change (
    id             uuid primary key,
    plan_id        uuid not null,
    flag_id        uuid not null references flag (id) on delete cascade,
    environment_id uuid not null references environment (id) on delete cascade,
    step           int not null,
    due_at         timestamptz not null,
    serve          text not null,
    enabled        boolean,
    status         text not null check (status in ('pending', 'applied', 'cancelled', 'failed')),
    outcome        text,
    created_by     text not null,
    reason         text,
    created_at     timestamptz not null,
    applied_at     timestamptz
);
create index scheduled_change_due on scheduled_change (due_at) where status = 'pending';

create table audit_entry (
    id              uuid primary key,
    project_key     text not null,
    environment_key text,
    entity_type     text not null,
    entity_key      text not null,
    action          text not null,
    actor_kind      text not null,
    actor_id        text not null,
    actor_name      text,
    reason          text,
    before_state    text,
    after_state     text,
    evidence        text,
    occurred_at     timestamptz not null
);
create index audit_by_entity on audit_entry (project_key, entity_key, occurred_at desc);
create index audit_by_actor on audit_entry (actor_id, occurred_at desc);
create index audit_by_time on audit_entry (project_key, occurred_at desc);

-- Transactional outbox: an event is committed with the change it describes and published afterwards.
create table outbox (
    id           uuid primary key,
    exchange     text not null,
    routing_key  text not null,
    type         text not null,
    body         text not null,
    created_at   timestamptz not null,
    attempts     int not null default 0,
    published_at timestamptz
);
create index outbox_unpublished on outbox (created_at) where published_at is null;

create table processed_command (
    command_id   uuid primary key,
    type         text not null,
    outcome      text not null,
    processed_at timestamptz not null
);

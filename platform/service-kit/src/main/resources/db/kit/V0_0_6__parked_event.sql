-- Events of a type this version of a consumer does not know yet (a producer was upgraded first): kept as they came, in the
-- transaction that records them seen, and applied once a version that knows the type starts (Inbox.applyParked). They
-- used to be recorded as seen alone, and so were never applied unless replayed by hand. Payloads as on the bus, which no
-- plain ID number travels on.
create table parked_event (
    consumer_group varchar(255) not null,
    event_id       uuid         not null,
    topic          varchar(255) not null,
    record_key     text,
    type           varchar(255) not null,
    source         varchar(255),
    event_time     timestamptz  not null,
    schema_version integer      not null,
    payload        text         not null,
    parked_at      timestamptz  not null default now(),
    primary key (consumer_group, event_id)
);

-- The transactional outbox: written in the same transaction as the state it announces, read by
-- Debezium from the WAL. Column names are the ones the Outbox Event Router expects;
-- source, time and schemaversion travel as Kafka headers (EVENTS.md).
create table outbox (
    id            uuid primary key,
    aggregatetype varchar(255) not null, -- the topic the event is routed to
    aggregateid   varchar(255) not null, -- the record key
    type          varchar(255) not null,
    payload       json         not null, -- json, not jsonb: the bytes reach Kafka as written
    source        varchar(100) not null,
    time          timestamptz  not null,
    schemaversion integer      not null,
    created_at    timestamptz  not null default now()
);

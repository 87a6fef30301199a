-- Event ids a consumer group has applied, recorded in the transaction of their effect:
-- a redelivered event finds its id here and changes nothing.
create table inbox (
    consumer_group varchar(255) not null,
    event_id       uuid         not null,
    topic          varchar(255) not null,
    type           varchar(255) not null,
    applied_at     timestamptz  not null default now(),
    primary key (consumer_group, event_id)
);

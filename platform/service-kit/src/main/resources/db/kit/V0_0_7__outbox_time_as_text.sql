-- The event's time as the text its header carries (WireTimes.micros), no longer a timestamptz, which Debezium parsed from
-- the WAL's text and printed again for every event (docs/delivery.md, "Pipeline settings"). Six digits of fraction always,
-- so that the texts sort as the instants do. The check refuses what an older replica still binds, a timestamptz, which
-- PostgreSQL would store as its own text (2017-10-20 10:00:00+08): no consumer reads that as an instant, and a record with
-- it could never be applied, not even replayed. Its write fails instead, to be tried again on the new replicas.
alter table outbox alter column time type varchar(32)
    using to_char(time at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
-- not valid: the rows just converted are in the form, and checking them again would hold the exclusive lock for a second scan
alter table outbox add constraint outbox_time_wire_form check (time like '____-__-__T__:__:__.______Z') not valid;

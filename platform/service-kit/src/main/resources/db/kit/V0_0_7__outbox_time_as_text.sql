-- The event's time as the text its header carries (WireTimes.micros), no longer a timestamptz: Debezium parsed the
-- column's text from the WAL and printed it again for every event, and reading it as text took a relay some 15 % less
-- CPU per event (docs/delivery.md, "Session 40"). Six digits of fraction always, so that the texts sort as the instants.
alter table outbox alter column time type varchar(32)
    using to_char(time at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');

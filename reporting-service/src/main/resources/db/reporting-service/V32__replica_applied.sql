-- What each replica of the read model last applied, for the dashboard's "data as of" and lag: each replica applies its own
-- partitions, so the figures are as fresh as the replica that applied last, whichever answers the call. One row per
-- running replica, written every couple of seconds while it applies; a replica gone a day is forgotten.
create table replica_applied (
    replica           varchar(255) primary key,
    applied_at        timestamptz  not null,
    newest_event_time timestamptz  not null
);

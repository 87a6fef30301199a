-- The event time of the targets each campaign holds: an older TargetsSet (a replayed dead letter, or one that arrived
-- late) no longer replaces newer targets. Targets kept before this migration have none, and the next TargetsSet applies.
create table targets_applied (
    region        varchar(6) not null,
    coverage_year integer    not null,
    at            timestamptz not null,
    primary key (region, coverage_year)
);

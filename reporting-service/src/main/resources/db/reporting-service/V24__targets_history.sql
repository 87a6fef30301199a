-- 任务目标调整: a TargetsSet that revises a campaign's targets closes the ones it replaces at its event time and keeps
-- them, so that figures, stages and rankings as of a past moment divide by the targets in force then, not by a later
-- revision. A campaign's first targets count from the beginning; targets kept before this migration are in force from
-- the beginning until the next revision.
alter table township_target add column valid_from timestamptz not null default '-infinity';
alter table township_target add column valid_to timestamptz not null default 'infinity';
alter table township_target drop constraint township_target_pkey;
alter table township_target add primary key (region, coverage_year, township, valid_from);

alter table unit_target add column valid_from timestamptz not null default '-infinity';
alter table unit_target add column valid_to timestamptz not null default 'infinity';
alter table unit_target drop constraint unit_target_pkey;
alter table unit_target add primary key (region, coverage_year, unit, valid_from);

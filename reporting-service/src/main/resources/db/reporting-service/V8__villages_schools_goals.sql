-- 考核单位: villages and schools with their own targets, targets split by household register, and
-- what the goals per township need: the township an agency certified someone in, and newborns.
alter table township_target add column target_local_hukou integer;
alter table township_target add column target_non_local integer;

create table unit_target (
    region             varchar(6)   not null,
    coverage_year      integer      not null,
    unit               varchar(32)  not null,
    unit_name          varchar(100) not null,
    unit_type          varchar(20)  not null,
    parent             varchar(32),
    target             integer      not null,
    target_local_hukou integer,
    target_non_local   integer,
    e_voucher_target   integer,
    primary key (region, coverage_year, unit)
);
create index unit_target_by_name on unit_target (region, coverage_year, unit_type, unit_name);

alter table eligibility_adjustment add column township varchar(9);
alter table person_year add column coverage_from_birth boolean not null default false;
alter table person_year add column coverage_rule varchar(40);

-- stage results at every level (township, village, school); a stage judges enrolment or, where the
-- campaign says so, e-voucher activations, so two stages may share a deadline
alter table stage_settlement add column measure varchar(10) not null default 'ENROLMENT';
drop index stage_settlement_stage;
create index stage_settlement_stage on stage_settlement (region, coverage_year, deadline, measure, id);
alter table stage_result rename column township to unit;
alter table stage_result rename column township_name to unit_name;
alter table stage_result alter column unit type varchar(32);
alter table stage_result add column level varchar(10) not null default 'TOWNSHIP';
alter table stage_result add column township varchar(9);
update stage_result set township = unit;
alter table stage_result add column done integer;
alter table stage_result add column target integer;
alter table stage_result drop constraint stage_result_pkey;
alter table stage_result add primary key (settlement_id, level, unit);

-- 通报排名: each unit's figures at each half-month and month end of the collection period, kept once
-- after that day, so that rankings (and who was in the bottom three) are read, not recomputed.
create table period_settlement (
    region        varchar(6)  not null,
    coverage_year integer     not null,
    period_end    date        not null,
    settled_at    timestamptz not null,
    primary key (region, coverage_year, period_end)
);

create table period_figures (
    region        varchar(6)   not null,
    coverage_year integer      not null,
    period_end    date         not null,
    level         varchar(10)  not null,
    unit          varchar(32)  not null,
    unit_name     varchar(100) not null,
    township      varchar(9),
    target        integer      not null,
    enrolled      integer      not null,
    primary key (region, coverage_year, period_end, level, unit)
);
-- Liancheng: a township below its goal at the end of the period bears the county's matching funds on its target
alter table stage_result add column matching_funds numeric(14,2);

-- 参保缴费工作方案: one campaign per county and coverage year, replaced as a whole (version + 1).
create table campaign (
    region        varchar(6)  not null,
    coverage_year integer     not null,
    version       integer     not null,
    definition    json        not null, -- the CampaignDefined payload, as published
    defined_at    timestamptz not null,
    primary key (region, coverage_year)
);

-- 任务分解表: how many people each township should enrol.
create table township_target (
    region        varchar(6)   not null,
    coverage_year integer      not null,
    township      varchar(9)   not null,
    township_name varchar(100) not null,
    target        integer      not null check (target >= 0),
    primary key (region, coverage_year, township),
    foreign key (region, coverage_year) references campaign (region, coverage_year)
);

-- 参保登记: the roster. The ID number is kept sealed and masked only; personId is its pseudonym.
create table enrolment (
    person_id           varchar(32)  not null,
    coverage_year       integer      not null,
    region              varchar(6)   not null,
    id_number_sealed    text         not null,
    id_number_masked    varchar(18)  not null,
    name                varchar(100) not null,
    phone               varchar(30),
    birth_date          date         not null,
    sex                 varchar(6)   not null,
    person_category     varchar(20)  not null,
    township            varchar(9)   not null,
    village             varchar(100) not null,
    school              varchar(100),
    hukou_local         boolean      not null,
    residence_permit    boolean      not null,
    channel             varchar(20)  not null,
    enrolled_on         date         not null,
    coverage_start      date         not null,
    waiting_period_days integer      not null,
    enrolled_by         varchar(64)  not null,
    enrolled_at         timestamptz  not null,
    withdrawn_on        date,                 -- 终止参保: out of the figures from this day on
    withdrawal_reason   varchar(30),
    primary key (person_id, coverage_year),
    foreign key (region, coverage_year) references campaign (region, coverage_year)
);

create index enrolment_by_township on enrolment (region, coverage_year, township);

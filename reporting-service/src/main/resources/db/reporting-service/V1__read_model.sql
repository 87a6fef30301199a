-- The read model: every fact the other services published, kept so that any figure can be
-- recomputed from it whatever order the topics delivered them in.
create table campaign (
    region        varchar(6)  not null,
    coverage_year integer     not null,
    version       integer     not null,
    definition    json        not null,
    primary key (region, coverage_year)
);

create table township_target (
    region        varchar(6)   not null,
    coverage_year integer      not null,
    township      varchar(9)   not null,
    township_name varchar(100) not null,
    target        integer      not null,
    primary key (region, coverage_year, township)
);

-- One row per person and coverage year, filled in by whichever event arrives first.
create table person_year (
    person_id           varchar(32) not null,
    coverage_year       integer     not null,
    region              varchar(6)  not null,
    township            varchar(9),
    village             varchar(100),
    id_number_masked    varchar(18),            -- for the unpaid list townships chase; never the plain number
    name_masked         varchar(100),
    person_category     varchar(20),
    hukou_local         boolean,
    residence_permit    boolean,
    registered_at       timestamptz,            -- PersonEnrolled seen
    enrolled_on         date,                   -- the business day of the enrolment: figures as of a date count by it
    withdrawn_on        date,                   -- out of the figures from this day on
    standard_amount     numeric(12, 2),
    subsidy_amount      numeric(12, 2),
    payable_amount      numeric(12, 2),         -- null until ContributionAssessed
    assistance_category varchar(40),
    paid_amount         numeric(12, 2) not null default 0, -- confirmed payments, kept with each new voucher
    refunded_amount     numeric(12, 2) not null default 0,
    settled_payable     numeric(12, 2),         -- payable when first settled (by event time): later assistance changes create no new debt
    primary key (person_id, coverage_year)
);

create index person_year_by_township on person_year (region, coverage_year, township);

create table payment (
    voucher_no    varchar(64)    primary key,
    person_id     varchar(32)    not null,
    coverage_year integer        not null,
    amount        numeric(12, 2) not null,
    channel       varchar(30)    not null,
    paid_at       timestamptz    not null
);

create index payment_by_person on payment (person_id, coverage_year);

create table refund (
    refund_no     varchar(64)    primary key,
    voucher_no    varchar(64)    not null,
    person_id     varchar(32)    not null,
    coverage_year integer        not null,
    amount        numeric(12, 2) not null,
    refunded_at   timestamptz    not null
);

create index refund_by_person on refund (person_id, coverage_year);

create table eligibility_adjustment (
    person_id      varchar(32) not null,
    coverage_year  integer     not null,
    region         varchar(6)  not null,
    batch_id       varchar(64) not null,
    agency         varchar(30) not null,
    category       varchar(40) not null,
    action         varchar(10) not null,
    effective_date date        not null,
    primary key (person_id, batch_id, category, action)
);

-- Every payable a person-year had, and when (the assessment's event time): settlement is judged
-- against the payable in force when the money came, whatever order the topics delivered them in.
create table assessment_history (
    person_id      varchar(32)    not null,
    coverage_year  integer        not null,
    assessed_at    timestamptz    not null,
    payable_amount numeric(12, 2) not null,
    primary key (person_id, coverage_year, assessed_at, payable_amount)
);

-- 报表: each report's figures as they stood at its moment, kept as published.
create table report (
    report_id     uuid         primary key,
    type          varchar(20)  not null,
    region        varchar(6)   not null,
    coverage_year integer      not null,
    as_of         timestamptz  not null,
    created_at    timestamptz  not null,
    content       json         not null
);

create index report_by_campaign on report (region, coverage_year, created_at);

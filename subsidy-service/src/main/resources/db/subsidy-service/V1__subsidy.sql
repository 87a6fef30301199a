-- Local copies of what enrollment-service publishes, kept so that an assessment can be made
-- whichever of campaign, targets and enrolment arrives first.

-- The current version of each campaign (CampaignDefined, replaced as a whole by a higher version).
create table campaign (
    region            varchar(6)  not null,
    coverage_year     integer     not null,
    version           integer     not null,
    collection_end    date        not null,
    definition        json        not null, -- the CampaignDefined payload as published
    primary key (region, coverage_year)
);

-- Townships named in any TargetsSet: an agency row's township gives its region.
create table township (
    township text         primary key,
    region   varchar(6)   not null,
    name     text         not null
);

-- Who is enrolled for which coverage year (参保登记), as far as assessments need it.
create table enrolment (
    person_id       varchar(32) not null,
    coverage_year   integer     not null,
    region          varchar(6)  not null,
    person_category varchar(20) not null,
    township        text        not null,
    village         text        not null,
    withdrawn       boolean     not null default false,
    primary key (person_id, coverage_year)
);
create index enrolment_by_campaign on enrolment (region, coverage_year) where not withdrawn;

-- Every accepted adjustment row: whether a category is held in a year follows from these.
-- Kept for people not (yet) on the roster, so that they apply the moment the person enrols.
create table certification (
    id             bigserial   primary key,
    person_id      varchar(32) not null,
    category       varchar(40) not null,
    agency         varchar(30) not null,
    action         varchar(4)  not null,
    effective_date date        not null,
    batch_id       uuid        not null
);
create index certification_by_person on certification (person_id);

-- The current assessment (核定缴费) of each person-year; a new one is published only when it differs.
create table assessment (
    person_id           varchar(32)   not null,
    coverage_year       integer       not null,
    region              varchar(6)    not null,
    standard_amount     numeric(12,2) not null,
    subsidy_amount      numeric(12,2) not null,
    payable_amount      numeric(12,2) not null,
    assistance_category varchar(40),
    assessed_at         timestamptz   not null,
    primary key (person_id, coverage_year)
);

-- An agency's monthly list (动态调整名单) as submitted.
create table adjustment_batch (
    batch_id        uuid         primary key,
    agency          varchar(30)  not null,
    month           varchar(7)   not null,
    submitted_at    timestamptz  not null,
    on_time         boolean      not null,
    idempotency_key text,
    unique (agency, idempotency_key)
);
create index adjustment_batch_by_month on adjustment_batch (month, agency);

-- The outcome of each row as submitted (text: a rejected row may hold anything); the ID number
-- only masked, the phone not at all.
create table adjustment_row (
    batch_id          uuid         not null references adjustment_batch,
    row_no            integer      not null,
    id_number_masked  varchar(18),
    township          text,
    village           text,
    action            text,
    category          text,
    effective_date    text,
    accepted          boolean      not null,
    errors            json         not null,
    primary key (batch_id, row_no)
);

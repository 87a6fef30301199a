-- Every change of a levy item takes the next value, so the tax bureau can page through
-- "changes after the cursor" (GET /api/v1/levy-items). Gaps are harmless.
create sequence levy_cursor;

-- The campaigns we have seen: a payment for someone not yet on the levy list takes its region
-- from the only campaign of its coverage year.
create table campaign (
    region        varchar(6) not null,
    coverage_year integer    not null,
    version       integer    not null,
    primary key (region, coverage_year)
);

-- 征缴名单: one row per person and coverage year, started by whichever fact arrives first
-- (enrolment, assessment or payment: topics are not ordered relative to each other). It is
-- listed for the tax bureau once the enrolment (and so the sealed number) is here.
create table levy_item (
    person_id           varchar(32)   not null,
    coverage_year       integer       not null,
    region              varchar(6)    not null,
    id_number_sealed    text,                   -- sealed for this service (X25519 + AES-GCM); never the plain number
    id_number_masked    varchar(18),
    name_masked         text,
    township            text,
    village             text,
    payable_amount      numeric(12,2),          -- null until ContributionAssessed arrives
    assistance_category varchar(40),
    paid_total          numeric(14,2) not null default 0,
    settled_payable     numeric(12,2),          -- the payable when first paid in full: no new debt after that (DOMAIN.md)
    withdrawn           boolean       not null default false,
    change_cursor       bigint        not null,
    primary key (person_id, coverage_year)
);
create unique index levy_item_change_cursor on levy_item (change_cursor);
create index levy_item_changes on levy_item (region, coverage_year, change_cursor) where id_number_sealed is not null;

-- 缴费信息回传: every payment the tax bureau confirmed, once per voucher.
create table payment (
    voucher_no       varchar(64)   primary key,
    person_id        varchar(32)   not null,
    coverage_year    integer       not null,
    region           varchar(6)    not null,
    id_number_masked varchar(18)   not null,
    amount           numeric(12,2) not null,
    channel          varchar(30)   not null,
    paid_at          timestamptz   not null,
    source           varchar(20)   not null,
    received_at      timestamptz   not null default now()
);
create index payment_person_year on payment (person_id, coverage_year);

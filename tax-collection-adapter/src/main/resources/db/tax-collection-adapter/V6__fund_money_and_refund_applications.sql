-- The medical-assistance fund's money is the fund's (代缴, channel ASSISTANCE_FUND): kept apart from the
-- person's own payments, it settles the subsidy part and is never refunded to the person.
alter table levy_item
    add column fund_paid             numeric(14,2) not null default 0,
    add column subsidy_amount        numeric(14,2),
    add column coverage_start        date,
    add column applied_refund        numeric(14,2) not null default 0,
    add column applied_refund_reason varchar(40);

-- 退费申请: a township or the bureau applies with a reason; the campaign's refund rule decides.
create table refund_application (
    application_id uuid          primary key,
    person_id      varchar(32)   not null,
    coverage_year  integer       not null,
    region         varchar(6),
    reason         varchar(40)   not null,
    decision       varchar(10)   not null,
    amount         numeric(14,2) not null,
    explanation    varchar(300)  not null,
    applied_by     varchar(64)   not null,
    applied_at     timestamptz   not null
);
create index refund_application_person on refund_application (person_id, coverage_year);

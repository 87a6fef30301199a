-- Where an enrolment's coverage starts at payment (缴费之日 / 缴费次日, plus a waiting period), the
-- adapter, which sees the settlement, derives the start and announces it once (CoverageStarted).
alter table levy_item
    add column coverage_from       varchar(30),
    add column waiting_days        integer not null default 0,
    add column waiting_months      integer not null default 0,
    add column last_paid_on        date,
    add column coverage_announced  boolean not null default false;

-- 参保变更记录: every change to a person-year, who made it, when and why, for the bureau to read.
create table enrolment_audit (
    id            bigserial    primary key,
    person_id     varchar(32)  not null,
    coverage_year integer      not null,
    at            timestamptz  not null,
    actor         varchar(64)  not null,
    action        varchar(30)  not null,
    reason        varchar(300),
    detail        varchar(500)
);
create index enrolment_audit_person on enrolment_audit (person_id, coverage_year, id);

-- What other agencies' lists say about people, enrolled or not (死亡名单, 职工医保, 异地参保):
-- kept so that a later enrolment is refused with the reason. coverage_year 0: every year (a death).
create table exclusion (
    person_id      varchar(32) not null,
    kind           varchar(30) not null,
    coverage_year  integer     not null,
    effective_date date        not null,
    source         varchar(64) not null,
    received_at    timestamptz not null,
    primary key (person_id, kind, coverage_year)
);

-- API.md additions of 2026-12: the special case an enrolment names, the class and remarks of 附件4,
-- and the campaign rule that decided the person's coverage and amount, with its explanation.
alter table enrolment
    add column school_class          varchar(100),
    add column remarks               varchar(500),
    add column special_case          varchar(40),
    add column special_case_date     date,
    add column employee_years        integer,
    add column coverage_from         varchar(30),
    add column waiting_period_months integer      not null default 0,
    add column coverage_case         varchar(40),
    add column coverage_explanation  varchar(300),
    add column amount_rule           varchar(30)  not null default 'INDIVIDUAL';

-- null while the start depends on a payment not yet made (缴费次日, 缴费之日起)
alter table enrolment alter column coverage_start drop not null;

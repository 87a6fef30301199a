-- 阶段考核: each stage is settled once, at its deadline, on the figures as they stood; a later
-- re-computation is an explicit act of the bureau, kept with who and why.
create table stage_settlement (
    id            bigserial    primary key,
    region        varchar(6)   not null,
    coverage_year integer      not null,
    deadline      date         not null,
    settled_at    timestamptz  not null,
    settled_by    varchar(64)  not null,
    reason        varchar(300)
);
create index stage_settlement_stage on stage_settlement (region, coverage_year, deadline, id);

create table stage_result (
    settlement_id bigint        not null references stage_settlement (id),
    township      varchar(9)    not null,
    township_name varchar(100)  not null,
    rate          numeric(6,4)  not null,
    met           boolean       not null,
    reward        numeric(14,2) not null,
    penalty       numeric(14,2) not null,
    primary key (settlement_id, township)
);

-- 考核单位: villages (Gaolou 附件1) and schools (Taixing) with their own targets; targets split by
-- local household register and non-local residents with a residence permit (Lishi 附件5).
alter table township_target add column target_local_hukou integer check (target_local_hukou >= 0);
alter table township_target add column target_non_local integer check (target_non_local >= 0);

create table unit_target (
    region             varchar(6)   not null,
    coverage_year      integer      not null,
    unit               varchar(32)  not null,
    unit_name          varchar(100) not null,
    unit_type          varchar(20)  not null check (unit_type in ('VILLAGE', 'SCHOOL')),
    parent             varchar(32),
    target             integer      not null check (target >= 0),
    target_local_hukou integer check (target_local_hukou >= 0),
    target_non_local   integer check (target_non_local >= 0),
    e_voucher_target   integer check (e_voucher_target >= 0),
    primary key (region, coverage_year, unit)
);

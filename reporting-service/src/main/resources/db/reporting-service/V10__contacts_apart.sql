-- Names and phones (sealed) apart from person_year: every figure scans person_year, and the sealed contact was 40 %
-- of its row (140 of 356 bytes at county scale); lists join it for the few rows they print.
create table person_contact (
    person_id      varchar(32) not null,
    coverage_year  integer     not null,
    contact_sealed text        not null,
    roster_at      timestamptz not null,
    primary key (person_id, coverage_year)
);
insert into person_contact (person_id, coverage_year, contact_sealed, roster_at)
select person_id, coverage_year, contact_sealed, roster_at from person_year where contact_sealed is not null;
alter table person_year drop column contact_sealed;

-- The name and phone sealed for this service (PersonEnrolled/PersonUpdated contactSealed), opened only to print
-- a list for a reader entitled to it; kept sealed at rest.
alter table person_year add column contact_sealed text;

-- Friday lists (API.md additions): issued every Friday 17:00 per campaign, kept as issued (contacts still sealed).
create table issued_list (
    issue_id      uuid not null,
    kind          varchar(32) not null,
    region        varchar(6) not null,
    coverage_year int not null,
    issued_at     timestamptz not null,
    business_date date not null,
    people        int not null,
    content       json not null,
    primary key (issue_id, kind),
    unique (kind, region, coverage_year, business_date)
);

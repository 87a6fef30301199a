-- A registration that a withdrawal ended and a later registration replaced (registered again after moving away and back):
-- person_year holds the latest registration alone, so every past moment before the new one lost the person, who had been
-- registered then. Kept when the new registration replaces it; a past moment counts the person registered in either.
create table registration_ended (
    person_id      varchar(64) not null,
    coverage_year  int         not null,
    registered_at  timestamptz not null,
    enrolled_on    date        not null,
    withdrawn_on   date        not null,
    primary key (person_id, coverage_year, registered_at)
);

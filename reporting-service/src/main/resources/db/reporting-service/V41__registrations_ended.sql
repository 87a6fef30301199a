-- A registration that a later registration replaced (registered again after moving away and back): person_year holds the
-- latest registration alone, so every past moment before the new one lost the person, who had been registered then. Kept
-- when the new registration replaces it, with the day a withdrawal ended it: null until that withdrawal is known (one
-- replayed after the registration that followed it fills it in), and the day the new one began, which it did not outlast.
-- A past moment counts the person registered in either.
create table registration_ended (
    person_id      varchar(64) not null,
    coverage_year  int         not null,
    registered_at  timestamptz not null,
    enrolled_on    date        not null,
    withdrawn_on   date,
    replaced_on    date        not null,
    primary key (person_id, coverage_year, registered_at)
);

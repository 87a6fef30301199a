-- Why the roster ended a person-year: a death ends the person's later years too, also those with no enrolment, so
-- that the agencies' lists of a later year no longer count or chase a person who died (AgencyLists). Withdrawals
-- applied before this migration keep no reason until they are announced again.
alter table person_year add column withdrawal_reason varchar(32);

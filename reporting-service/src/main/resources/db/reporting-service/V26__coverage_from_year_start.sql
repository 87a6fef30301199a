-- A newborn born before the coverage year and enrolled in its collection period is covered from 1 January, its first day
-- in the year, not from its birth: the newborn goal counted it as never done. Rows before this migration read false
-- until their enrolment is next announced (a replay of the roster topic fills them).
alter table person_year add column coverage_from_year_start boolean not null default false;

-- Roster facts and assessments are applied by event time: a replayed or late older event never
-- overwrites a newer state (an enrolment older than the withdrawal does not bring the person back).
alter table person_year add column roster_at timestamptz not null default '-infinity';
alter table person_year add column assessed_at timestamptz not null default '-infinity';

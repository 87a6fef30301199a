-- Roster facts and assessments are applied by event time: a replayed or late older event never
-- overwrites a newer state (a withdrawal stays a withdrawal, a payable stays the latest one).
alter table levy_item add column roster_at timestamptz not null default '-infinity';
alter table levy_item add column assessed_at timestamptz not null default '-infinity';

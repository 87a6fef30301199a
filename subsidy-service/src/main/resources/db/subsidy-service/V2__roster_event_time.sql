-- Roster facts are applied by event time: a replayed or late PersonEnrolled older than the
-- withdrawal already applied must not bring the person back. A withdrawal that arrives before its
-- enrolment leaves a row (withdrawn, without category or place) so that the enrolment stays out.
alter table enrolment add column roster_at timestamptz not null default '-infinity';
alter table enrolment alter column person_category drop not null;
alter table enrolment alter column township drop not null;
alter table enrolment alter column village drop not null;

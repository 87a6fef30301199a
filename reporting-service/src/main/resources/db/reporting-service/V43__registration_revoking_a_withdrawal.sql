-- Whether the person-year's registration is its enrolment announced again after its withdrawal was revoked (撤销终止参保,
-- PersonEnrolled.withdrawalRevoked): such a registration goes on, settlement and all, whatever day the withdrawal took
-- effect, also when the withdrawal is replayed after it. Rows kept before are registrations of their own.
alter table person_year add column registration_revokes boolean not null default false;

-- Every list of 5,000 asks which of its people died (EnrolmentStore.deceasedOn) and which of its person-years were
-- withdrawn as moved away or to employee insurance (returnableAmong). Few ever are, yet each key went through the
-- roster's primary key and heap: some 17 us a key, 11.4 s of this database's statements in the county at full scale
-- (pg_stat_statements, docs/delivery.md). These indexes hold only the rows the questions are about.
create index enrolment_deceased on enrolment (person_id) where withdrawal_reason = 'DECEASED';
create index enrolment_returnable on enrolment (person_id, coverage_year) where withdrawal_reason in ('MOVED_AWAY', 'EMPLOYEE_INSURANCE');

-- A newborn born before the coverage year and enrolled in its collection period is covered from 1 January, its first day
-- in the year, not from its birth: the newborn goal counted it as never done. Rows kept before: an enrolment decided in
-- the collection period starts on 1 January unless it starts on the birth date; another rule's start on 1 January (the
-- December babies' extension under the newborn rule) is filled when the enrolment is next announced.
alter table person_year add column coverage_from_year_start boolean not null default false;
update person_year set coverage_from_year_start = true
where coverage_rule = 'COLLECTION_PERIOD' and not coverage_from_birth and registered_at is not null;

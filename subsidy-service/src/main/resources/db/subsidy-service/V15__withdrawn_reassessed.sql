-- A newer campaign version reassesses everyone it registered, withdrawn since or not (a withdrawn person-year assessed
-- before is judged again: 先缴后返 must not hang on whether an agency's list came before the withdrawal): its chunks walk
-- the registered, in person-id order. A row a withdrawal made before its enrolment arrived registered nobody (no category).
drop index enrolment_by_campaign;
create index enrolment_by_campaign on enrolment (region, coverage_year, person_id) where person_category is not null;

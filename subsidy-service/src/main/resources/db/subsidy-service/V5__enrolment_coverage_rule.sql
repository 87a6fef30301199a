-- Which rule decided the enrolment (PersonEnrolled.coverageRule): a newly certified resident or a child taken in
-- by a welfare institution who enrols after the period is assessed with the assistance certified after the
-- cut-off, where an ordinary enrolment waits for next year's (DOMAIN.md, special cases: individual after assistance).
alter table enrolment add column coverage_rule text;

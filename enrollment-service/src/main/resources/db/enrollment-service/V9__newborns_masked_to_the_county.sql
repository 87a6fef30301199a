-- A child born after the collection period opened is a NEWBORN however late it is enrolled. Enrolled a year
-- or more after birth, it was masked 6+1 and announced with its birth year: next to NEWBORN that narrowed the
-- ID number below 10,000 candidates (EVENTS.md, "Personal data on the bus"; DisclosureRule). Such enrolments
-- keep the county alone from now on, in the roster and in whatever announces them again.
update enrolment e set id_number_masked = left(e.id_number_masked, 6) || repeat('*', 12)
from campaign c
where c.region = e.region and c.coverage_year = e.coverage_year
  and e.birth_date > cast(c.definition -> 'collectionPeriod' ->> 'start' as date)
  and right(e.id_number_masked, 1) <> '*';

-- A start set before V13 from a CoverageStarted takes that event's time, as its audit recorded it: without it a start
-- announced after the start's revocation went to a dead letter would not replace it, and the revocation replayed would
-- leave a paid person with none.
update enrolment set coverage_start_decided_at = started.at
from (select person_id, coverage_year, max(at) as at from enrolment_audit where action = 'COVERAGE_STARTED'
      group by person_id, coverage_year) started
where enrolment.person_id = started.person_id and enrolment.coverage_year = started.coverage_year
  and enrolment.coverage_start is not null and enrolment.coverage_start_decided_at is null
  -- a registration after it knows its own start
  and not exists (select 1 from enrolment_audit later where later.person_id = started.person_id
                  and later.coverage_year = started.coverage_year and later.action = 'ENROLLED' and later.at > started.at);

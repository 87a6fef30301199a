-- The event time of the tax adapter's last word on a coverage start that waited for a payment (CoverageStarted, or
-- CoverageRevoked after a refund before that day): an older one replayed from a dead letter after a newer one changes
-- nothing, so a start taken back is not brought back.
alter table enrolment add column coverage_start_decided_at timestamptz;

-- A start set before this version from a CoverageStarted keeps that event's time, as its audit recorded it: without it a
-- start announced after the start's revocation went to a dead letter would not replace it, and the revocation replayed
-- would leave a paid person with none.
update enrolment set coverage_start_decided_at = started.at
from (select person_id, coverage_year, max(at) as at from enrolment_audit where action = 'COVERAGE_STARTED'
      group by person_id, coverage_year) started
where enrolment.person_id = started.person_id and enrolment.coverage_year = started.coverage_year
  and enrolment.coverage_start is not null
  -- a registration after it knows its own start
  and not exists (select 1 from enrolment_audit later where later.person_id = started.person_id
                  and later.coverage_year = started.coverage_year and later.action = 'ENROLLED' and later.at > started.at);

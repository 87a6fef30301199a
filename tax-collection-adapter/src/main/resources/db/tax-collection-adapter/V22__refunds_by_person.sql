-- A person-year's refunds, read when a refund leaves someone whose coverage start was announced no longer paid: the start
-- is taken back only where the money went back before it (CoverageRevoked).
create index refund_person_year on refund (person_id, coverage_year);

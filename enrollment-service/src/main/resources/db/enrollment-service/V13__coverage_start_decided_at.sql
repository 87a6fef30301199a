-- The event time of the tax adapter's last word on a coverage start that waited for a payment (CoverageStarted, or
-- CoverageRevoked after a refund before that day): an older one replayed from a dead letter after a newer one changes
-- nothing, so a start taken back is not brought back.
alter table enrolment add column coverage_start_decided_at timestamptz;

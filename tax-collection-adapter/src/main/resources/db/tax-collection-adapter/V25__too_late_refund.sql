-- What was paid too late to start coverage within the year (CoverageService), apart from what refund applications grant:
-- a payment made in time that arrives after that judgement (the next day's reconciliation file, the fund's vouchers)
-- settles the person within the year, and the start announced clears it (LevyItemStore.recordStart), as a registration
-- after a withdrawal does.
alter table levy_item add column too_late_refund numeric(14,2) not null default 0;
-- Judged before this version, such money was kept with the applications' grants: where the person-year has no approved
-- application, all that is owed back as ending the enrolment before coverage was so judged, and moves here. Beside an
-- approved application it stays there, not told apart, and is not cleared so.
update levy_item item set too_late_refund = applied_refund, applied_refund = 0, applied_refund_reason = null
where applied_refund > 0 and applied_refund_reason = 'WITHDRAWN_BEFORE_COVERAGE'
  and not exists (select 1 from refund_application application
                  where application.person_id = item.person_id and application.coverage_year = item.coverage_year
                    and application.decision = 'APPROVED');

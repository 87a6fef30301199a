-- What was paid too late to start coverage within the year (CoverageService), apart from what refund applications grant:
-- a payment made in time that arrives after that judgement (the next day's reconciliation file, the fund's vouchers)
-- settles the person within the year, and the start announced clears it (LevyItemStore.recordStart). Judged before this
-- version, such money stays in applied_refund, with the applications' grants, and is not cleared so.
alter table levy_item add column too_late_refund numeric(14,2) not null default 0;

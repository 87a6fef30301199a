-- The Friday schedule's WEEKLY report and one the bureau asks for are kept apart: a report asked for on a Friday
-- morning (or back-dated to last Friday) blocked that afternoon's, which then showed the morning's figures. One of
-- each per campaign and business day.
alter table report add column scheduled boolean not null default false;
drop index report_weekly_once;
create unique index report_weekly_once on report (region, coverage_year, business_date, scheduled) where type = 'WEEKLY';

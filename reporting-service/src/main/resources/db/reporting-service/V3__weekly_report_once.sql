-- One WEEKLY report per campaign and business day (Beijing), even if two replicas run the job at
-- once and the scheduler lock were lost: the second insert fails and publishes nothing.
alter table report add column business_date date;
update report set business_date = (created_at at time zone 'Asia/Shanghai')::date;
alter table report alter column business_date set not null;
create unique index report_weekly_once on report (region, coverage_year, business_date) where type = 'WEEKLY';

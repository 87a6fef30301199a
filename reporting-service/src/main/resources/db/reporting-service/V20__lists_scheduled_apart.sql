-- The Friday 17:00 lists and an issue the bureau asks for are kept apart, as reports are (V14): lists issued on a
-- Friday morning blocked that afternoon's, and the weekend's unpaid list named people who had paid since. One of
-- each per campaign, list and business day.
alter table issued_list add column scheduled boolean not null default false;
alter table issued_list drop constraint issued_list_kind_region_coverage_year_business_date_key;
create unique index issued_list_once on issued_list (kind, region, coverage_year, business_date, scheduled);

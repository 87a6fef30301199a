-- The medical-assistance fund's payments (代缴, channel ASSISTANCE_FUND) are the fund's: they settle
-- only what they pay beyond the person's subsidy, as the tax adapter counts them.
alter table person_year add column fund_paid_amount numeric(14,2) not null default 0;

-- The business day of the enrolment: a fully assisted person settles at registration (DOMAIN.md), so where
-- the coverage starts at payment, this day stands for the payment they never make.
alter table levy_item add column enrolled_on date;

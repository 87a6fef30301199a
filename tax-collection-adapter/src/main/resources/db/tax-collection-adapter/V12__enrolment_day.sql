-- The business day of the enrolment: a fully assisted person settles at registration (DOMAIN.md), so where
-- the coverage starts at payment, this day stands for the payment they never make.
alter table levy_item add column enrolled_on date;
-- Items enrolled before: the business day of the enrolment's event time is the closest known.
update levy_item set enrolled_on = (roster_at at time zone 'Asia/Shanghai')::date
where enrolled_on is null and roster_at > '-infinity' and id_number_sealed is not null and not withdrawn;

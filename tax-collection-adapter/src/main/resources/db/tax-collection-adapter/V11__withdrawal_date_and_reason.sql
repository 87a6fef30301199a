-- A refund application for a death, a move or employee insurance is judged by the day the enrolment
-- ended, not the day the family applied (DOMAIN.md: a death or a move after coverage started refunds
-- nothing; one before it does, whenever the application comes). Null for withdrawals kept before.
alter table levy_item add column withdrawn_on date, add column withdrawal_reason text;

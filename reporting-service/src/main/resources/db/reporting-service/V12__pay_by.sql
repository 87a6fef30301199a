-- The last day a payment still starts coverage within the year, where the start waits for the payment
-- (EnrolmentPolicy.Coverage.lastPaymentDayWithin, as the levy list's payBy): the unpaid lists tell the
-- villages who can still be covered this year. Rows enrolled before it was kept have none.
alter table person_year add column pay_by date;

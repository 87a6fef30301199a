-- 待登记缴费: a payment whose payer is on no levy item of the year or the last, while several counties run a campaign that
-- year, so that its county cannot be told. It was refused, and the person, once registered, never counted as paid
-- (DOMAIN.md: a payment for a person not yet registered is kept and counts the moment the registration arrives). It is
-- kept here, the ID number masked only, and stored, counted and published with the county of the registration once one
-- arrives (PaymentConfirmationService.applyAwaitingRegistration). With one county running, a payment before its
-- registration is stored at once in that county, as before. recovered_on is the day's reconciliation file that brought
-- it, carried into payment with it. One whose payer belongs to no county here, its money refunded outside this service,
-- the bureau closes with why (closed_at, closed_by, closing): it stays as the record, received, and is never stored.
create table payment_awaiting_registration (
    voucher_no       varchar(64)   primary key,
    person_id        varchar(32)   not null,
    coverage_year    integer       not null,
    id_number_masked varchar(18)   not null,
    amount           numeric(12,2) not null,
    channel          varchar(30)   not null,
    paid_at          timestamptz   not null,
    source           varchar(20)   not null,
    received_at      timestamptz   not null,
    recovered_on     date,
    closed_at        timestamptz,
    closed_by        varchar(64),
    closing          varchar(500)
);

create index payment_awaiting_registration_by_person on payment_awaiting_registration (person_id, coverage_year);

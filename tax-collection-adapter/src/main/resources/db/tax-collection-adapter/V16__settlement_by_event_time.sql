-- The payables and subsidies announced for a person-year (ContributionAssessed), at their event times, once it has had
-- two or more (one assessed once keeps its one in levy_item alone): the settlement is then judged against the payable in
-- force when the money was paid, not the one held when it arrived (SettlementRule), as reporting judges it. An assessment
-- that overtook a payment in flight, or an older one replayed after a newer one, used to leave the two services
-- disagreeing on who still owes what. Of two at the same instant the later arrival stands, as on levy_item: `arrived`
-- keeps their order. Before this version only the assessment each item holds is known: the next one joins it here.
create sequence levy_assessment_arrival;
create table levy_assessment (
    person_id      varchar(32)   not null,
    coverage_year  integer       not null,
    assessed_at    timestamptz   not null,
    arrived        bigint        not null,
    payable_amount numeric(12,2) not null,
    subsidy_amount numeric(14,2) not null,
    primary key (person_id, coverage_year, assessed_at, arrived)
);
-- whether the order of the item's facts can move its settlement: two payables or more kept above, or money of the fund
-- (which lowers what the person owes) paid; the statements that apply payments and refunds return it, so that only these
-- items are read again
alter table levy_item add column order_matters boolean not null default false;
update levy_item set order_matters = true where fund_paid <> 0;

-- Every payable subsidy announced for a person-year (ContributionAssessed), at its event time: the settlement is judged
-- against the payable in force when the money was paid, not the one held when it arrived (SettlementRule), as
-- reporting judges it. An assessment that overtakes a payment in flight, or an older one replayed after a newer one,
-- used to leave the two services disagreeing on who still owes what. One row per event time: of two at the same
-- instant the later arrival stands, as on levy_item.
create table levy_assessment (
    person_id      varchar(32)   not null,
    coverage_year  integer       not null,
    assessed_at    timestamptz   not null,
    payable_amount numeric(12,2) not null,
    subsidy_amount numeric(14,2) not null,
    primary key (person_id, coverage_year, assessed_at)
);
-- the assessments before this version: only the one each item holds is known, so an item judged before it keeps its
-- settlement until a later fact judges it again
insert into levy_assessment (person_id, coverage_year, assessed_at, payable_amount, subsidy_amount)
select person_id, coverage_year, assessed_at, payable_amount, coalesce(subsidy_amount, 0)
from levy_item where payable_amount is not null and assessed_at > '-infinity';

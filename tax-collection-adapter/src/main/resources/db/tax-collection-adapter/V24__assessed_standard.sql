-- The standard amount each payable was assessed from (ContributionAssessed.standardAmount), on the item and in the kept
-- assessments: once a person has settled, only a change of assistance is held off (DOMAIN.md, never a new debt); a change
-- of the standard (a category corrected, a campaign version) moves what they are held to by as much (SettlementRule).
alter table levy_item add column standard_amount numeric(12,2);
alter table levy_assessment add column standard_amount numeric(12,2);
-- Every item gets the standard of the assessment it holds (subsidy-service's payable is the standard less the subsidy,
-- which never exceeds it), and so does every assessment it kept: no change is known across what was kept, so a change made
-- before the upgrade stays held off, as it was judged then, and one after it is owed, here and in reporting (its V45)
-- alike. An item assessed before V6 has no subsidy: its standard stays unknown, and its next change moves nothing.
update levy_item set standard_amount = payable_amount + subsidy_amount
where payable_amount is not null and subsidy_amount is not null;
update levy_assessment kept set standard_amount = item.standard_amount
from levy_item item
where item.person_id = kept.person_id and item.coverage_year = kept.coverage_year;

-- The standard amount each kept assessment was made from (ContributionAssessed.standardAmount): once a person has settled,
-- only a change of assistance is held off (DOMAIN.md, never a new debt); a change of the standard (a category corrected, a
-- campaign version) moves what they are held to by as much (SettlementRule), today and as of a past moment.
alter table assessment_history add column standard_amount numeric(12, 2);
-- Every kept assessment gets the standard the person-year holds: no change is known across what was kept, so a change made
-- before the upgrade stays held off, as it was judged then, and one after it is owed, here and in the tax adapter (its
-- V24) alike.
update assessment_history history set standard_amount = person_year.standard_amount
from person_year
where person_year.person_id = history.person_id and person_year.coverage_year = history.coverage_year;

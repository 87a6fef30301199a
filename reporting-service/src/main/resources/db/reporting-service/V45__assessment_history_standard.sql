-- The standard amount each kept assessment was made from (ContributionAssessed.standardAmount): once a person has settled,
-- only a change of assistance is held off (DOMAIN.md, never a new debt); a change of the standard (a category corrected, a
-- campaign version) moves what they are held to by as much (SettlementRule), today and as of a past moment.
alter table assessment_history add column standard_amount numeric(12, 2);
-- The person-year's latest assessment gets the standard the person-year holds: a change of the standard after the upgrade
-- is owed. The earlier ones keep none and count as of the latest's, so a change made before the upgrade stays held off, as
-- what was settled then was judged, here and in the tax adapter (its V24) alike.
update assessment_history history set standard_amount = person_year.standard_amount
from person_year
where person_year.person_id = history.person_id and person_year.coverage_year = history.coverage_year
  and person_year.assessed_at = history.assessed_at and person_year.payable_amount = history.payable_amount;

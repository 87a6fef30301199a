-- The standard amount each kept assessment was made from (ContributionAssessed.standardAmount): once a person has settled,
-- only a change of assistance is held off (DOMAIN.md, never a new debt); a change of the standard (a category corrected, a
-- campaign version) moves what they are held to by as much (SettlementRule), today and as of a past moment.
alter table assessment_history add column standard_amount numeric(12, 2);
-- Of the assessments kept before, the person-year's latest is the one whose standard the person-year holds; the earlier ones
-- stay null, and a change from one of them moves nothing, as before.
update assessment_history history set standard_amount = person_year.standard_amount
from person_year
where person_year.person_id = history.person_id and person_year.coverage_year = history.coverage_year
  and person_year.assessed_at = history.assessed_at and person_year.payable_amount = history.payable_amount;

-- The standard amount each kept assessment was made from (ContributionAssessed.standardAmount): once a person has settled,
-- only a change of assistance is held off (DOMAIN.md, never a new debt); a change of the standard (a category corrected, a
-- campaign version) moves what they are held to by as much (SettlementRule), today and as of a past moment.
alter table assessment_history add column standard_amount numeric(12, 2);
-- What was kept before gives it back: subsidy-service's payable is the standard less the subsidy, which never exceeds the
-- standard, for an assessment whose subsidy was kept (V34); of the older ones, the person-year's latest is the one whose
-- standard the person-year holds. The others stay unknown, counted as of the standard of the moment asked about.
update assessment_history set standard_amount = payable_amount + subsidy_amount where subsidy_amount is not null;
update assessment_history history set standard_amount = person_year.standard_amount
from person_year
where person_year.person_id = history.person_id and person_year.coverage_year = history.coverage_year
  and person_year.assessed_at = history.assessed_at and person_year.payable_amount = history.payable_amount
  and history.standard_amount is null;

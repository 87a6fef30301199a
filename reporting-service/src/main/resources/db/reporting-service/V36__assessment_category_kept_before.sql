-- Of the assessments kept before V35, the person-year's latest is the one whose category the person-year holds: it takes
-- that category ('' for none), so that a past moment counts the person in the category of then from that assessment on;
-- the earlier ones stay null and count in today's category, as before.
update assessment_history history set assistance_category = coalesce(person_year.assistance_category, '')
from person_year
where person_year.person_id = history.person_id and person_year.coverage_year = history.coverage_year
  and person_year.assessed_at = history.assessed_at and person_year.payable_amount = history.payable_amount
  and history.assistance_category is null;

-- Before V30 a change set the person-year's roster time and kept no time per field. A person-year whose roster time an
-- older version moved past its registration (a change, or a withdrawal) takes that time as the time of every field as it
-- stands, as subsidy's V13 and the tax adapter's V15 take it as the registration time: a change older than it, replayed
-- after the upgrade, is then dropped as before, not applied over a newer one the table of changes never saw.
insert into person_update (person_id, coverage_year, township, township_at, village, village_at, school, school_at, name_masked,
                           name_masked_at, person_category, person_category_at, hukou_local, hukou_local_at, residence_permit,
                           residence_permit_at, changed_at)
select person_id, coverage_year, township, roster_at, village, roster_at, coalesce(school, ''), roster_at, name_masked, roster_at,
       person_category, roster_at, hukou_local, roster_at, residence_permit, roster_at, roster_at
from person_year
where registered_at is not null and roster_at > registered_at
on conflict (person_id, coverage_year) do nothing;

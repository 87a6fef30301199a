-- Every service masks an infant by one rule (PersonIds.maskIdNumber): born less than a year before the first day any
-- campaign opened its collection period, or after. An enrolment masked by its own year's opening, a child registered
-- anew for a later year, showed 6+1 beside an earlier year's county alone; it keeps the county alone from now on, as
-- does every year of a person one of whose enrolments shows it.
update enrolment set id_number_masked = left(id_number_masked, 6) || repeat('*', 12)
where right(id_number_masked, 1) <> '*'
  and (birth_date > (select min(cast(definition -> 'collectionPeriod' ->> 'start' as date)) from campaign) - interval '1 year'
       or person_id in (select person_id from enrolment where right(id_number_masked, 1) = '*'));

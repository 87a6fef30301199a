-- Every year of a person one of whose enrolments shows the county alone shows it too (enrollment's V12 re-masked the
-- roster; the levy list holds the masks announced before).
update levy_item set id_number_masked = left(id_number_masked, 6) || repeat('*', 12)
where right(id_number_masked, 1) <> '*'
  and person_id in (select person_id from levy_item where right(id_number_masked, 1) = '*');

-- Payments masked by the rules before this one show their payer as the levy list does (the roster's mask), and the
-- stored reports' mismatches, which copied them, show the county alone, as V13 left them.
update payment p set id_number_masked = left(p.id_number_masked, 6) || repeat('*', 12)
where right(p.id_number_masked, 1) <> '*'
  and p.person_id in (select person_id from levy_item where right(id_number_masked, 1) = '*');

update reconciliation set report = jsonb_set(report::jsonb, '{mismatches}', (
        select coalesce(jsonb_agg(mismatch || jsonb_build_object(
                   'taxIdNumber', left(mismatch ->> 'taxIdNumber', 6) || repeat('*', 12),
                   'ourIdNumber', left(mismatch ->> 'ourIdNumber', 6) || repeat('*', 12)) order by position), '[]'::jsonb)
        from jsonb_array_elements(report::jsonb -> 'mismatches') with ordinality as listed(mismatch, position)))::json
where case when json_typeof(report -> 'mismatches') = 'array' then json_array_length(report -> 'mismatches') > 0 else false end;

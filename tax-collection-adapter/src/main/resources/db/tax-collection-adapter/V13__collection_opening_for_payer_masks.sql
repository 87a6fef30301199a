-- 征缴期开始: a payer born after any of the region's collection periods opened shows the county alone,
-- as their enrolment does (PersonIds.maskIdNumber); filled as each campaign is consumed again or anew.
alter table campaign add column collection_opened date;

-- A payment stored before knew no age: its payer, and the payers of the reports' mismatches, keep the
-- county alone, as an infant's would.
update payment set id_number_masked = left(id_number_masked, 6) || repeat('*', 12);

update reconciliation set report = jsonb_set(report::jsonb, '{mismatches}', (
        select coalesce(jsonb_agg(mismatch || jsonb_build_object(
                   'taxIdNumber', left(mismatch ->> 'taxIdNumber', 6) || repeat('*', 12),
                   'ourIdNumber', left(mismatch ->> 'ourIdNumber', 6) || repeat('*', 12)) order by position), '[]'::jsonb)
        from jsonb_array_elements(report::jsonb -> 'mismatches') with ordinality as listed(mismatch, position)))::json
where json_array_length(report -> 'mismatches') > 0;

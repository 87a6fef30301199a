-- Until session 43 assistance of a late enrolment that owes the fiscal part too (INDIVIDUAL_PLUS_FISCAL) reduced the
-- individual part only; since, it is of that whole standard (EVENTS.md's modes: FULL pays 0) unless the campaign's late
-- enrolment says assistanceReduces: INDIVIDUAL. The campaigns that hold such an enrolment are reassessed once, everyone
-- at once, as a new campaign version is: left alone, each person's payable would move at whatever unrelated event next
-- reassessed them (an agency's list, a change of category), two alike owing apart meanwhile. A settled person's assessment
-- that falls is owed back (先缴后返), as after any lower version; a bureau that keeps the old reading defines the
-- campaign again with INDIVIDUAL, which reassesses everyone back.
insert into reassessment (region, coverage_year, after_person_id, generation, requested_at)
select distinct region, coverage_year, null, 1, now() from enrolment where amount_rule = 'INDIVIDUAL_PLUS_FISCAL'
on conflict (region, coverage_year) do update
set after_person_id = null, generation = reassessment.generation + 1, requested_at = excluded.requested_at;

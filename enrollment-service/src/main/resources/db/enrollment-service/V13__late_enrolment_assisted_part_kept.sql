-- Until session 43 a campaign's assistance of a late enrolment that owes the fiscal part too reduced the individual part
-- only; since, it is of that whole standard (EVENTS.md's modes: FULL pays 0) unless the campaign's late enrolment says
-- assistanceReduces: INDIVIDUAL. The campaigns kept before say so, so that nobody's payable moves on the upgrade, and
-- the bureau sees the reading it had: defining the campaign again without it reassesses everyone on the standard.
-- subsidy-service's V14 does the same to its copy, which it assesses by.
update campaign
set definition = jsonb_set(definition::jsonb, '{lateEnrolment,assistanceReduces}', '"INDIVIDUAL"')::json
where definition -> 'lateEnrolment' ->> 'amount' = 'INDIVIDUAL_PLUS_FISCAL'
  and definition -> 'lateEnrolment' ->> 'assistanceReduces' is null;

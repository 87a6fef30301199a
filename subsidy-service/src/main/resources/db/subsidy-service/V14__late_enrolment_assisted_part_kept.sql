-- Until session 43 a campaign's assistance of a late enrolment that owes the fiscal part too reduced the individual part
-- only; since, it is of that whole standard (EVENTS.md's modes: FULL pays 0) unless the campaign's late enrolment says
-- assistanceReduces: INDIVIDUAL. The campaigns kept before say so, as enrollment-service's V13 does to its own, so that
-- no assessment moves on the upgrade (an unrelated reassessment of one person would otherwise change their payable, and
-- a settled person's would be owed back): the bureau moves everyone at once by defining the campaign again.
update campaign
set definition = jsonb_set(definition::jsonb, '{lateEnrolment,assistanceReduces}', '"INDIVIDUAL"')::json
where definition -> 'lateEnrolment' ->> 'amount' = 'INDIVIDUAL_PLUS_FISCAL'
  and definition -> 'lateEnrolment' ->> 'assistanceReduces' is null;

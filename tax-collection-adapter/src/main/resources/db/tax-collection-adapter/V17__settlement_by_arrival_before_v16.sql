-- The items kept before V16's code have only the assessment they held: judged again by event time (V16), payments made
-- before that assessment met no payable, so a person settled against an earlier one was taken as owing the later
-- (a campaign version raising 380 to 400 would have sent the tax bureau after 20 yuan from someone settled at 380). They
-- keep the judgement they had, as each fact arrives, for the rest of their year; assessments are kept only for the items
-- begun since, whose history is whole.
alter table levy_item add column settled_by_arrival boolean not null default false;
update levy_item set settled_by_arrival = true, order_matters = false;
delete from levy_assessment;
-- the assessment an item held when its second came joins its history once, whatever time it has
create unique index levy_assessment_held_once on levy_assessment (person_id, coverage_year) where arrived = 0;

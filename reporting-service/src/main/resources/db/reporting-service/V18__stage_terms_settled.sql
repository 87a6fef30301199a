-- The terms a stage was judged on, kept with its settlement: a campaign put again later with another threshold or
-- other rates must not show beside the results they did not decide. Unconstrained numerics keep them as the campaign
-- wrote them ("0.50"). Settlements before V18 show the campaign's.
alter table stage_settlement add column threshold numeric;
alter table stage_settlement add column reward numeric;
alter table stage_settlement add column penalty_per_point numeric;

-- The standard amount each payable was assessed from (ContributionAssessed.standardAmount), on the item and in the kept
-- assessments: once a person has settled, only a change of assistance is held off (DOMAIN.md, never a new debt); a change
-- of the standard (a category corrected, a campaign version) moves what they are held to by as much (SettlementRule).
alter table levy_item add column standard_amount numeric(12,2);
alter table levy_assessment add column standard_amount numeric(12,2);
-- What was kept before gives it back where its subsidy is known: subsidy-service's payable is the standard less the
-- subsidy, which never exceeds the standard. An item assessed before V6 has no subsidy, nor has the assessment V16 copied
-- from such an item (its subsidy written 0.00, told apart from a real 0.00 by nothing): their standard stays unknown, and
-- a change from it moves nothing.
update levy_item set standard_amount = payable_amount + subsidy_amount
where payable_amount is not null and subsidy_amount is not null;
update levy_assessment set standard_amount = payable_amount + subsidy_amount
where arrived > 0 or subsidy_amount > 0;

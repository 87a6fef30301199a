-- The standard amount each payable was assessed from (ContributionAssessed.standardAmount), on the item and in the kept
-- assessments: once a person has settled, only a change of assistance is held off (DOMAIN.md, never a new debt); a change
-- of the standard (a category corrected, a campaign version) moves what they are held to by as much (SettlementRule).
-- Null for an assessment kept before this version: its standard is not known, and the next one moves nothing.
alter table levy_item add column standard_amount numeric(12,2);
alter table levy_assessment add column standard_amount numeric(12,2);

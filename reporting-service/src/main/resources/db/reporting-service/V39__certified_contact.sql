-- The phone an agency's list gave (附件3's 联系电话), sealed for this service alone (EligibilityAdjusted.contactSealed,
-- since session 43): the Friday list of the certified not enrolled reaches by it someone the county's roster never knew,
-- the people that list exists for. Null where the row gave none, and for the rows kept before.
alter table eligibility_adjustment add column contact_sealed text;

-- The village an agency's list gave (redacted as published): a person certified but not yet on the roster is
-- chased by the village on the certified-not-enrolled list, and found by a village's own request for it.
alter table eligibility_adjustment add column village varchar(100);

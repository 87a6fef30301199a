-- The subsidy of each assessment in the history, so that figures as of a past moment count the assistance fund's money
-- beyond the subsidy in force then, not today's (docs/domain.md, "as of an instant"). Rows kept before have none: for them
-- the figures net the fund's money against today's subsidy, as before.
alter table assessment_history add column subsidy_amount numeric(12, 2);

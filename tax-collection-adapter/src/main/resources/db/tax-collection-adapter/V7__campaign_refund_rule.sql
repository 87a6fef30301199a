-- 退费规则: the campaign says when an application for money back is approved.
alter table campaign add column refund_rule varchar(40) not null default 'BEFORE_COVERAGE_ON_APPLICATION';

-- A refund's reason comes from the tax bureau (the tax adapter takes up to 500 characters, EVENTS.md sets no maximum): a
-- longer one than the audit's 300 failed the insert, and the refund went to the dead-letter topic on every replay.
alter table enrolment_audit alter column reason type text;

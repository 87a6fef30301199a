-- The tax adapter's last word on a start that waits for the payment (CoverageStarted, CoverageRevoked), by its event
-- time: a start taken back by a refund before it leaves the person chased again, and the unpaid lists give their last
-- day to pay again (Definitions.PAY_BY). Rows kept before it heard no word: none taken back.
alter table person_year add column coverage_revoked boolean not null default false,
                        add column coverage_word_at timestamptz;

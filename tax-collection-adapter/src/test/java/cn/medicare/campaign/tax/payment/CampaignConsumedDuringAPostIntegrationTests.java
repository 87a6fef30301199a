package cn.medicare.campaign.tax.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.contracts.codes.PaymentChannel;
import cn.medicare.campaign.contracts.codes.PaymentSource;
import cn.medicare.campaign.fixtures.IdNumbers;
import cn.medicare.campaign.fixtures.Liancheng;
import cn.medicare.campaign.infra.testing.EventTraffic;
import cn.medicare.campaign.kit.web.InputError;
import cn.medicare.campaign.tax.TaxIntegrationTestBase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * DOMAIN.md: nothing is refused because this service had not yet consumed a fact. A post reads the campaigns of its
 * payments' years, then asks the broker whether a missing one may still be on its way: a campaign consumed between the
 * two is among what the broker's answer counts as consumed, so the payment takes its county from it instead of being
 * refused "no campaign". The campaign's consumer is stood in for by a transaction of its own, committed while the
 * broker is asked, the moment the window closes on.
 */
class CampaignConsumedDuringAPostIntegrationTests extends TaxIntegrationTestBase {

    /** No other test runs a campaign for this year or the one before it, so a payment for it asks the broker. */
    private static final int YEAR = 2040;

    @Autowired
    PaymentConfirmationService confirmations;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate database;

    /** What the post refused, and the county it stored the payment in, read before its transaction rolls back. */
    private record Outcome(Map<Confirmation, InputError> refused, List<String> storedIn) {
    }

    @Test
    void aCampaignConsumedWhileThePostAsksTheBrokerGivesItsPaymentsTheirCounty() {
        // a campaign of some year known, as in any running season: with none, any year might be the first still upstream
        EventTraffic.publish(Liancheng.apiExample(2018));
        await().atMost(PATIENCE).until(() -> database.queryForObject("select count(*) from campaign where coverage_year = 2018", Integer.class) == 1);
        LocalDate birth = LocalDate.of(1980, 5, 17);
        Confirmation payment = new Confirmation(0, "RACE-" + System.nanoTime(), IdNumbers.of(Liancheng.REGION, birth, 7), birth,
                YEAR, new BigDecimal("380.00"), PaymentChannel.WECHAT, Instant.parse("2039-10-09T02:14:00Z"));
        List<String> asked = new ArrayList<>();
        TransactionTemplate consumer = new TransactionTemplate(transaction.getTransactionManager());
        consumer.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        try {
            Outcome outcome = transaction.execute(status -> {
                status.setRollbackOnly();
                Map<Confirmation, InputError> refused = confirmations.store(List.of(payment), PaymentSource.WEBHOOK, topic -> {
                    asked.add(topic);
                    if (topic.equals(Topics.CAMPAIGN)) {
                        consumer.executeWithoutResult(defined -> database.update("""
                                insert into campaign (region, coverage_year, version, refund_rule, collection_opened)
                                values (?, ?, 1, 'BEFORE_COVERAGE_ON_APPLICATION', ?)""", Liancheng.REGION, YEAR,
                                LocalDate.of(YEAR - 1, 9, 1)));
                    }
                    return true;
                });
                return new Outcome(refused, database.queryForList("select region from payment where voucher_no = ?", String.class,
                        payment.voucherNo()));
            });

            assertThat(asked).as("the broker was asked about the campaigns").contains(Topics.CAMPAIGN);
            assertThat(outcome.refused()).isEmpty();
            assertThat(outcome.storedIn()).containsExactly(Liancheng.REGION);
        } finally {
            database.update("delete from campaign where coverage_year = ?", YEAR);
        }
    }
}

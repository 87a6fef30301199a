package cn.medicare.campaign.tax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.contracts.codes.PaymentChannel;
import cn.medicare.campaign.contracts.codes.PaymentSource;
import cn.medicare.campaign.contracts.events.PaymentConfirmed;
import cn.medicare.campaign.kit.locking.PersonLocks;
import cn.medicare.campaign.tax.levy.LevyListService;
import cn.medicare.campaign.fixtures.Liancheng;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Writers lock only the people they change ({@link PersonLocks}), not the whole levy list: a
 * transaction still open about one person delays no payment about another (as an agency batch or a
 * consumer on another replica would be), and its change, committed after later ones, is still on
 * the levy list for a reader who already paged past those.
 */
class PersonOrderIntegrationTests extends TaxIntegrationTestBase {

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    PersonLocks locks;

    @Autowired
    LevyListService levyList;

    @Test
    void anOpenTransactionAboutOnePersonDelaysNobodyElseAndIsListedOnceItCommits() throws InterruptedException {
        String held = enrolledAndAssessed(null);
        String other = enrolledAndAssessed(null);
        long cursor = lastCursor(0);
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> open = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            String personId = residents.personId(held);
            locks.lock(List.of(personId));
            levyList.addPayments(List.of(new PaymentConfirmed(personId, 2018, Liancheng.REGION, "HELD-1", new BigDecimal("180.00"),
                    PaymentChannel.WECHAT, Instant.parse("2017-10-01T02:00:00Z"), PaymentSource.WEBHOOK)));
            written.countDown();
            awaitQuietly(release);
        }));
        await().atMost(PATIENCE).until(() -> written.getCount() == 0);

        CompletableFuture<String> payment = CompletableFuture.supplyAsync(() -> paid(other, "180.00"));
        await().atMost(PATIENCE).until(payment::isDone);
        assertThat(open).as("the transaction about the other person is still open").isNotDone();
        List<JsonNode> seen = changesAfter(cursor);
        assertThat(seen).extracting(item -> item.get("idNumber").asString()).contains(other).doesNotContain(held);
        long pagedPast = seen.get(seen.size() - 1).get("cursor").asLong();

        release.countDown();
        open.join();
        List<JsonNode> later = changesAfter(pagedPast);
        assertThat(later).as("the change committed after a later one is listed after it")
                .filteredOn(item -> item.get("idNumber").asString().equals(held))
                .singleElement().satisfies(item -> assertThat(item.get("status").asString()).isEqualTo("PAID"));
        System.out.printf("[ordering] a payment about another person completed while a transaction about one person was open; "
                + "that transaction's change was listed after cursor %d, which the reader had already paged past%n", pagedPast);
    }

    private List<JsonNode> changesAfter(long cursor) {
        List<JsonNode> items = new ArrayList<>();
        api.levyItems("region=" + Liancheng.REGION + "&coverageYear=2018&limit=5000&after=" + cursor).get("items").forEach(items::add);
        return items;
    }

    private long lastCursor(long after) {
        List<JsonNode> items = changesAfter(after);
        return items.isEmpty() ? after : lastCursor(items.get(items.size() - 1).get("cursor").asLong());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

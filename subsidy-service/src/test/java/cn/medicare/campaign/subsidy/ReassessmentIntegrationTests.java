package cn.medicare.campaign.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.contracts.codes.WithdrawalReason;
import cn.medicare.campaign.contracts.events.PersonEnrolled;
import cn.medicare.campaign.contracts.events.PersonWithdrawn;
import cn.medicare.campaign.fixtures.Liancheng;
import cn.medicare.campaign.infra.testing.EventTraffic;
import cn.medicare.campaign.subsidy.campaign.CampaignStore;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A new campaign version reassesses everyone under it a chunk at a time, each chunk a transaction
 * of its own (chunks of two in these tests), never in the consumer's transaction that brought it.
 */
class ReassessmentIntegrationTests extends SubsidyIntegrationTestBase {

    private static final String ASSESSED = "ContributionAssessed";

    @Autowired
    CampaignStore campaigns;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aNewVersionReassessesEveryoneUnderItAChunkPerTransaction() {
        List<PersonEnrolled> people = enrolled(2020, 701);
        EventTraffic.publish(Liancheng.apiExample(2020));
        people.forEach(person -> assertThat(JsonPath.<String>read(awaitPublished(ASSESSED, person.personId(), 1).get(0), "$.reason"))
                .isEqualTo("ENROLLED"));

        EventTraffic.publish(Liancheng.apiExample(2020, 2, "200.00", "140.00"));

        for (PersonEnrolled person : people) {
            String changed = awaitPublished(ASSESSED, person.personId(), 2).get(1);
            assertThat(JsonPath.<String>read(changed, "$.payableAmount")).isEqualTo("200.00");
            assertThat(JsonPath.<String>read(changed, "$.reason")).isEqualTo("CAMPAIGN_CHANGED");
        }
        assertThat(jdbc.queryForObject("select count(distinct xmin::text) from assessment where coverage_year = 2020", Integer.class))
                .as("five people's new assessments written in chunks of two: three transactions").isEqualTo(3);
        awaitNoRequestLeft(2020);
    }

    /**
     * Two replicas: one assesses an enrolment under the campaign while the other receives a new version. The version's
     * writer waits for the assessment to commit, so the reassessment after the version finds that person; had it not, the
     * person would keep the old payable (or, before a first campaign, none) until something else about them changed.
     */
    @Test
    void aNewVersionWaitsForTheAssessmentsReadingTheOldOne() throws Exception {
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch committed = new CountDownLatch(1);
        CompletableFuture<Void> assessing = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            campaigns.find(Liancheng.REGION, 2031);
            read.countDown();
            try {
                committed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(read.await(60, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Boolean> defining = CompletableFuture.supplyAsync(() ->
                transaction.execute(status -> campaigns.define(Liancheng.apiExample(2031))));

        try {
            await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                    "select count(*) from pg_stat_activity where datname = current_database() and wait_event = 'advisory'"
                    + " and query like 'select pg_advisory_xact_lock(%'", Integer.class) == 1);
            assertThat(defining).isNotDone();
        } finally {
            // whatever happened, the reader ends: a lock left held would stop every later test's campaign
            committed.countDown();
        }
        assessing.get(60, TimeUnit.SECONDS);
        assertThat(defining.get(60, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void ofTwoVersionsInARowTheNewerDecidesEveryone() {
        List<PersonEnrolled> people = enrolled(2021, 711);
        EventTraffic.publish(Liancheng.apiExample(2021));
        people.forEach(person -> awaitPublished(ASSESSED, person.personId(), 1));

        EventTraffic.publish(Liancheng.apiExample(2021, 2, "200.00", "140.00"), Liancheng.apiExample(2021, 3, "250.00", "140.00"));

        for (PersonEnrolled person : people) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(JsonPath.<String>read(
                    get("bureau", "/api/v1/assessments/" + person.personId() + "?coverageYear=2021").body(), "$.payableAmount"))
                    .isEqualTo("250.00"));
        }
        awaitNoRequestLeft(2021);
        for (PersonEnrolled person : people) {
            List<String> assessed = published(ASSESSED, person.personId());
            assertThat(JsonPath.<String>read(assessed.get(assessed.size() - 1), "$.payableAmount"))
                    .as("the last assessment published").isEqualTo("250.00");
        }
    }

    /**
     * The withdrawn are assessed and reassessed like everyone (先缴后返 must not hang on whether the campaign came before the
     * withdrawal): someone withdrawn before any campaign assessed them is assessed when it comes, as they would have been had
     * it come first. They were skipped: with no payable, what they had paid was owed back by nobody.
     */
    @Test
    void aCampaignAssessesTheWithdrawnWhetherItCameBeforeTheWithdrawalOrAfter() {
        List<PersonEnrolled> people = enrolled(2022, 721);
        PersonEnrolled neverAssessed = people.get(0);
        PersonEnrolled assessedThenWithdrawn = people.get(1);
        publishAndAwaitApplied(withdrawn(neverAssessed));
        EventTraffic.publish(Liancheng.apiExample(2022));
        awaitPublished(ASSESSED, assessedThenWithdrawn.personId(), 1);
        publishAndAwaitApplied(withdrawn(assessedThenWithdrawn));

        EventTraffic.publish(Liancheng.apiExample(2022, 2, "200.00", "140.00"));

        String changed = awaitPublished(ASSESSED, assessedThenWithdrawn.personId(), 2).get(1);
        assertThat(JsonPath.<String>read(changed, "$.payableAmount")).isEqualTo("200.00");
        assertThat(JsonPath.<String>read(changed, "$.reason")).isEqualTo("CAMPAIGN_CHANGED");
        awaitNoRequestLeft(2022);
        List<String> late = awaitPublished(ASSESSED, neverAssessed.personId(), 2);
        assertThat(late).extracting(assessed -> JsonPath.<String>read(assessed, "$.payableAmount")).containsExactly("180.00", "200.00");
    }

    private static PersonWithdrawn withdrawn(PersonEnrolled person) {
        return new PersonWithdrawn(person.personId(), person.coverageYear(), person.region(), WithdrawalReason.MOVED_AWAY,
                LocalDate.of(person.coverageYear() - 1, 11, 1));
    }

    /** Five people enrolled for {@code year} before its campaign is known. */
    private List<PersonEnrolled> enrolled(int year, int firstNumber) {
        List<PersonEnrolled> people = IntStream.range(firstNumber, firstNumber + 5)
                .mapToObj(n -> Liancheng.enrolled(Liancheng.idNumber(n), year)).toList();
        people.forEach(this::publishAndAwaitApplied);
        return people;
    }

    private void awaitNoRequestLeft(int year) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from reassessment where coverage_year = ?", Integer.class, year)).isZero());
    }
}

package cn.medicare.campaign.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.contracts.events.PersonEnrolled;
import cn.medicare.campaign.fixtures.Liancheng;
import cn.medicare.campaign.infra.testing.EventTraffic;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A new campaign version reassesses everyone under it a chunk at a time, each chunk a transaction
 * of its own (chunks of two in these tests), never in the consumer's transaction that brought it.
 */
class ReassessmentIntegrationTests extends SubsidyIntegrationTestBase {

    private static final String ASSESSED = "ContributionAssessed";

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

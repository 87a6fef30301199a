package cn.medicare.campaign.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.infra.testing.EventTraffic;
import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.infra.testing.ServiceDatabase;
import cn.medicare.campaign.reporting.ReportingMother;
import cn.medicare.campaign.reporting.participation.ParticipationStore;
import cn.medicare.campaign.reporting.participation.ReadModelProgress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Friday job runs every five minutes from 17:00 and makes the day's weekly report and lists once the read model has
 * applied what reached Kafka: a payment held up in the consumer at 17:00 was frozen out of the kept report for good, and a
 * service down at 17:00 left the week without one. The runs are called without the cluster's lock, which holds a minute.
 */
@RealInfrastructure
// no allowance for a batch in flight: the records held back below are seconds old
@SpringBootTest(properties = "insurance.reporting.in-flight=PT0S")
class FridayJobIntegrationTests {

    private static final String REGION = "350856";
    private static final String LATE = "350857";

    @Autowired
    WeeklyReportService friday;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    JdbcTemplate jdbc;

    /** Friday 2017-11-17, 17:10 in Liancheng. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FridayAtTenPastFive {

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2017-11-17T09:10:00Z"), ZoneOffset.UTC);
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceDatabase.register(registry, "reporting_friday_job_test");
    }

    @Test
    void theWeeklyReportAndListsWaitForFactsTheConsumerHasNotAppliedAndAreMadeOnce() {
        ReportingMother county = new ReportingMother(REGION);
        EventTraffic.publish(county.campaign(), county.targets(), county.enrolled(1, 0, true), county.assessed(1, "0", null));
        awaitRegistered(REGION, 1);

        listeners.stop();
        try {
            // on Kafka before the run, not applied yet
            EventTraffic.publish(county.paid(1, "V1", "180.00"));

            friday.publishDue();
            friday.issueDueLists();

            assertThat(weeklyReports(REGION)).as("nothing made of part of the facts").isZero();
            assertThat(listIssues(REGION)).isZero();
        } finally {
            listeners.start();
        }
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            friday.publishDue();
            friday.issueDueLists();
            assertThat(weeklyReports(REGION)).isOne();
        });
        friday.publishDue();
        friday.issueDueLists();

        assertThat(weeklyReports(REGION)).as("the next run makes nothing again").isOne();
        assertThat(jdbc.queryForObject("""
                select content::json -> 'total' ->> 'enrolled' from report where type = 'WEEKLY' and scheduled and region = ?""",
                String.class, REGION)).as("the payment held up counted").isEqualTo("1");
        assertThat(jdbc.queryForObject("select count(distinct issue_id) from issued_list where scheduled and region = ?",
                Integer.class, REGION)).isOne();
    }

    /** From 17:40 the job waits no longer: a report of the figures as they stand is better than none by 18:00. */
    @Test
    void fromTheLastWaitTheReportIsMadeAsTheReadModelStands(@Autowired ParticipationStore query, @Autowired ReportService reports,
            @Autowired ReportStore kept, @Autowired ListIssueService lists, @Autowired IssuedListStore issued,
            @Autowired ReadModelProgress progress, @Autowired Clock clock) {
        ReportingMother county = new ReportingMother(LATE);
        EventTraffic.publish(county.campaign(), county.targets(), county.enrolled(1, 0, true));
        awaitRegistered(LATE, 1);
        WeeklyReportService waitingUntilFive = new WeeklyReportService(query, reports, kept, lists, issued, progress,
                LocalTime.of(17, 0), clock);

        listeners.stop();
        try {
            EventTraffic.publish(county.enrolled(2, 0, true));

            waitingUntilFive.publishDue();
        } finally {
            listeners.start();
        }

        assertThat(weeklyReports(LATE)).isOne();
    }

    private void awaitRegistered(String region, int people) {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from person_year where region = ? and registered_at is not null", Integer.class, region) == people);
    }

    private int weeklyReports(String region) {
        return jdbc.queryForObject("select count(*) from report where type = 'WEEKLY' and scheduled and region = ?", Integer.class, region);
    }

    private int listIssues(String region) {
        return jdbc.queryForObject("select count(*) from issued_list where scheduled and region = ?", Integer.class, region);
    }
}

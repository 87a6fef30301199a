package cn.medicare.campaign.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.contracts.codes.ReportType;
import cn.medicare.campaign.fixtures.ApiClient;
import cn.medicare.campaign.infra.testing.EventTraffic;
import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.infra.testing.ServiceUnderTest;
import cn.medicare.campaign.reporting.ReportingMother;
import cn.medicare.campaign.reporting.ReportingServiceApplication;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two replicas of reporting-service on one database, their clocks at Friday 17:00 Beijing time in
 * the collection period, both running the weekly job at once: one WEEKLY report, one event.
 */
@RealInfrastructure
class WeeklyReportOnceIntegrationTests {

    private static final String REGION = "350826";
    private static ServiceUnderTest first;
    private static ServiceUnderTest second;

    /** Friday 2017-11-17, 17:00 in Liancheng. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FridayAtFive {

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2017-11-17T09:00:00Z"), ZoneOffset.UTC);
        }
    }

    @BeforeAll
    static void twoReplicas() {
        first = ServiceUnderTest.start("reporting_weekly_once", ReportingServiceApplication.class, FridayAtFive.class);
        second = ServiceUnderTest.start("reporting_weekly_once", ReportingServiceApplication.class, FridayAtFive.class);
        ReportingMother county = new ReportingMother(REGION);
        EventTraffic.publish(county.campaign(), county.targets());
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc().queryForObject(
                "select count(*) from campaign where region = ?", Integer.class, REGION) == 1);
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void bothReplicasRunTheWeeklyJobAtOnceAndOneReportIsPublished() {
        CompletableFuture<Void> one = CompletableFuture.runAsync(() -> first.bean(WeeklyReportService.class).publish());
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> second.bean(WeeklyReportService.class).publish());
        CompletableFuture.allOf(one, other).join();

        assertThat(jdbc().queryForObject("select count(*) from shedlock where name = 'weekly-report'", Integer.class))
                .as("the job ran under the cluster-wide lock").isOne();
        assertThat(jdbc().queryForObject("select count(*) from report where type = 'WEEKLY' and region = ?", Integer.class, REGION))
                .isOne();
        assertThat(jdbc().queryForObject("""
                select count(*) from outbox where type = 'ReportPublished' and payload::json ->> 'region' = ?""", Integer.class, REGION))
                .isOne();
    }

    @Test
    void withoutTheLockASecondWeeklyReportOfTheDayIsRefusedAndPublishesNothing() {
        ReportService reports = second.bean(ReportService.class);
        try {
            reports.create(ReportType.WEEKLY, REGION, 2018, null);
        } catch (DuplicateKeyException publishedByTheOtherTest) {
            // today's weekly report exists either way
        }

        assertThatThrownBy(() -> reports.create(ReportType.WEEKLY, REGION, 2018, null)).isInstanceOf(DuplicateKeyException.class);
        assertThat(jdbc().queryForObject("""
                select count(*) from outbox where type = 'ReportPublished' and payload::json ->> 'region' = ?""", Integer.class, REGION))
                .isOne();
        assertThat(jdbc().queryForObject("select count(*) from report where type = 'WEEKLY' and region = ?", Integer.class, REGION))
                .isOne();
    }

    @Test
    void theBureauAskingForASecondWeeklyReportOfTheDayIsToldItExists() {
        ApiClient bureau = ApiClient.at(first.port()).as("bureau");
        String request = "{\"type\":\"WEEKLY\",\"region\":\"" + REGION + "\",\"coverageYear\":2018}";
        bureau.post("/api/v1/reports", request);

        HttpResponse<String> again = bureau.post("/api/v1/reports", request);

        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    private static JdbcTemplate jdbc() {
        return first.bean(JdbcTemplate.class);
    }
}

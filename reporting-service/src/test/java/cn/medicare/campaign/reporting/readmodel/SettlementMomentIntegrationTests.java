package cn.medicare.campaign.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.contracts.events.Event;
import cn.medicare.campaign.infra.testing.EventTraffic;
import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.infra.testing.ServiceDatabase;
import cn.medicare.campaign.reporting.ReportingMother;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A person-year settled before V17 gets the moment it settled, so that figures as of a moment can tell. */
@RealInfrastructure
@SpringBootTest
class SettlementMomentIntegrationTests {

    @Autowired
    SettlementMomentService moments;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceDatabase.register(registry, "reporting_settlement_moment_test");
    }

    @Test
    void aSettlementKeptWithoutItsMomentIsJudgedAgain() {
        ReportingMother county = new ReportingMother("350848");
        EventTraffic.publish(new Event[] {county.campaign(), county.targets(), county.enrolled(1, 0, true), county.assessed(1, "0", null),
                county.paid(1, "V1", "180.00")});
        String personId = county.personId(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from person_year where person_id = ? and settled_at is not null", Integer.class, personId) == 1);
        Instant settledAt = jdbc.queryForObject("select settled_at from person_year where person_id = ?", Instant.class, personId);
        // as a row settled before V17 stands
        jdbc.update("update person_year set settled_at = null where person_id = ?", personId);

        moments.judgeAgain();

        assertThat(jdbc.queryForObject("select settled_at from person_year where person_id = ?", Instant.class, personId))
                .isEqualTo(settledAt);
        assertThat(jdbc.queryForObject("select count(*) from person_year where settled_payable is not null and settled_at is null",
                Integer.class)).isZero();
    }
}

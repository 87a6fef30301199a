package cn.medicare.campaign.subsidy;

import cn.medicare.campaign.fixtures.Liancheng;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** 2017-10-09 10:15 in Liancheng: during the 2018 collection period, before the 10th of October. */
@TestConfiguration(proxyBeanMethods = false)
class BusinessClock {

    static final Instant NOW = Instant.parse("2017-10-09T02:15:00Z");

    @Bean
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}

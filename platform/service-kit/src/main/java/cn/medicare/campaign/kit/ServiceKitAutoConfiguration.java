package cn.medicare.campaign.kit;

import cn.medicare.campaign.contracts.events.EventJson;
import cn.medicare.campaign.kit.identity.IdentityConfiguration;
import cn.medicare.campaign.kit.inbox.Inbox;
import cn.medicare.campaign.kit.inbox.InboxListener;
import cn.medicare.campaign.kit.inbox.ParkedEvents;
import cn.medicare.campaign.kit.locking.PersonLocks;
import cn.medicare.campaign.kit.intake.IntakeConfiguration;
import cn.medicare.campaign.kit.kafka.ConsumerProgress;
import cn.medicare.campaign.kit.kafka.DeadLetterConfiguration;
import cn.medicare.campaign.kit.kafka.DeadLetters;
import cn.medicare.campaign.kit.observability.PipelineGauges;
import cn.medicare.campaign.kit.outbox.OutboxWriter;
import cn.medicare.campaign.kit.outbox.Retention;
import cn.medicare.campaign.kit.security.SecurityConfiguration;
import cn.medicare.campaign.kit.web.AsyncApiController;
import cn.medicare.campaign.kit.web.RequestValues;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;

/** What every service of the suite gets by depending on the kit. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"})
@Import({SecurityConfiguration.class, IdentityConfiguration.class, DeadLetterConfiguration.class, IntakeConfiguration.class})
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
public class ServiceKitAutoConfiguration {

    /** Scheduled jobs run once per cluster, whatever the number of replicas: the lock is a row, its times the database's. */
    @Bean
    LockProvider lockProvider(JdbcTemplate jdbc) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(jdbc)
                .usingDbTime()
                .build());
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OutboxWriter outboxWriter(JdbcTemplate jdbc, @Value("${spring.application.name}") String source, Clock clock,
            MeterRegistry meters) {
        return new OutboxWriter(new NamedParameterJdbcTemplate(jdbc), source, clock, meters);
    }

    @Bean
    Retention retention(JdbcTemplate jdbc, Clock clock,
            @Value("${insurance.retention.outbox:P30D}") Duration outbox,
            @Value("${insurance.retention.inbox:P400D}") Duration inbox) {
        return new Retention(JdbcClient.create(jdbc), clock, outbox, inbox);
    }

    /** @param retries how many times a record that failed for its own reason is tried again before it is dead-lettered */
    @Bean
    Inbox inbox(JdbcTemplate jdbc, TransactionTemplate transaction, MeterRegistry meters, ConsumerRecordRecoverer deadLetters,
            @Value("${insurance.consumer.retries:4}") int retries) {
        return new Inbox(JdbcClient.create(jdbc), transaction, meters, deadLetters, retries + 1);
    }

    @Bean
    ParkedEvents parkedEvents(ObjectProvider<InboxListener> listeners) {
        return new ParkedEvents(listeners);
    }

    @Bean
    PersonLocks personLocks(JdbcTemplate jdbc) {
        return new PersonLocks(JdbcClient.create(jdbc));
    }

    @Bean
    AsyncApiController asyncApiController(@Value("${spring.application.name}") String service) {
        return new AsyncApiController(service);
    }

    @Bean
    PipelineGauges pipelineGauges(JdbcTemplate jdbc, Inbox inbox, MeterRegistry meters,
            @Value("${spring.kafka.consumer.group-id}") String group) {
        return new PipelineGauges(JdbcClient.create(jdbc), inbox, meters, group);
    }

    @Bean
    ConsumerProgress consumerProgress(KafkaAdmin kafkaAdmin, @Value("${spring.kafka.consumer.group-id}") String group) {
        return new ConsumerProgress(kafkaAdmin, group);
    }

    /**
     * Retries without end, never dead-letters by its own count: the inbox counts a record's own failures and dead-letters it
     * at the limit (its count is not started again by a batch that succeeds between two tries, nor kept from a failure of
     * the database before them). A poison record goes at once.
     */
    @Bean
    DefaultErrorHandler deadLetteringErrorHandler(ConsumerRecordRecoverer deadLetters, @Value("${spring.kafka.consumer.group-id}") String group) {
        ExponentialBackOff again = new ExponentialBackOff(200, 2);
        again.setMaxInterval(3_000);
        // the database or the network away: every record would fail alike, so none is dead-lettered; tried again until they are back
        ExponentialBackOff untilBack = new ExponentialBackOff(500, 2);
        untilBack.setMaxInterval(30_000);
        return DeadLetters.errorHandler(deadLetters, group, again, untilBack);
    }

    /** The HTTP API writes amounts, dates and instants exactly as the events do, and reads no value PostgreSQL cannot keep. */
    @Bean
    JsonMapperBuilderCustomizer contractsJson() {
        return builder -> builder.addModule(EventJson.module()).addModule(RequestValues.module());
    }
}

package cn.medicare.campaign.infra.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks an integration test that runs against a real PostgreSQL and a real Kafka broker
 * (see {@link TestInfrastructure}); reach them through {@code TestInfrastructure.get()}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RealInfrastructureExtension.class)
@Tag("integration")
public @interface RealInfrastructure {
}

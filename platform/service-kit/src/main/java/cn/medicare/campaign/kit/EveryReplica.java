package cn.medicare.campaign.kit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A scheduled job whose effect stays inside its replica (its own gauges, its own caches), so it
 * runs in every replica instead of once per cluster under a {@code @SchedulerLock}. Say why where
 * it is used; {@code ArchitectureTests} accepts no third kind.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface EveryReplica {
}

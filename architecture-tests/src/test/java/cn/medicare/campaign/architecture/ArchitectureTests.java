package cn.medicare.campaign.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import cn.medicare.campaign.kit.EveryReplica;
import cn.medicare.campaign.kit.outbox.OutboxWriter;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The house rules of every service (docs/structure.md), checked over the main code of the
 * contracts, the kit and all four services: roles with one name each, SQL only in stores, Kafka
 * only in listeners, pure rules, scheduled jobs that run once per cluster, and no package cycles.
 */
@AnalyzeClasses(packages = "cn.medicare.campaign", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    private static final String[] SERVICES = {"cn.medicare.campaign.enrollment..", "cn.medicare.campaign.subsidy..",
        "cn.medicare.campaign.tax..", "cn.medicare.campaign.reporting.."};

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("cn.medicare.campaign.(*).(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule controllersAndListenersHoldNoSql = noClasses()
            .that().haveSimpleNameEndingWith("Controller").or().haveSimpleNameEndingWith("Listener")
            .should().dependOnClassesThat().areAssignableTo(JdbcOperations.class)
            .orShould().dependOnClassesThat().areAssignableTo(JdbcClient.class)
            .because("SQL lives in *Store classes; the HTTP and Kafka edges only translate");

    @ArchTest
    static final ArchRule servicesBindSqlByNameInStores = noClasses()
            .that().resideInAnyPackage(SERVICES)
            .and().haveSimpleNameNotEndingWith("Store")
            .should().dependOnClassesThat().areAssignableTo(JdbcClient.class)
            .orShould().dependOnClassesThat().areAssignableTo(JdbcOperations.class)
            .because("a service's SQL lives in its *Store classes");

    @ArchTest
    static final ArchRule noPositionalSqlInServices = noClasses()
            .that().resideInAnyPackage(SERVICES)
            .should().dependOnClassesThat().areAssignableTo(JdbcOperations.class)
            .because("SQL binds its parameters by name (JdbcClient), so no list of values has to line up with the text");

    @ArchTest
    static final ArchRule storesNeitherPublishNorCallOtherStores = classes()
            .that().haveSimpleNameEndingWith("Store")
            .should(new ArchCondition<JavaClass>("neither publish nor call another store") {
                @Override
                public void check(JavaClass store, ConditionEvents events) {
                    store.getDirectDependenciesFromSelf().stream()
                            .filter(dependency -> !dependency.getTargetClass().equals(store))
                            .filter(dependency -> dependency.getTargetClass().getSimpleName().endsWith("Store")
                                    || dependency.getTargetClass().isAssignableTo(OutboxWriter.class))
                            .forEach(dependency -> events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription())));
                }
            })
            .because("a *Service composes stores and publishes in its transaction; a store only reads and writes its tables");

    @ArchTest
    static final ArchRule kafkaListenersAreListeners = methods()
            .that().areAnnotatedWith(KafkaListener.class)
            .should().beDeclaredInClassesThat().haveSimpleNameEndingWith("Listener");

    @ArchTest
    static final ArchRule contractsAndRulesKnowNoSpring = noClasses()
            .that().resideInAPackage("cn.medicare.campaign.contracts..").or().haveSimpleNameEndingWith("Rule")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..")
            .because("the contracts are read by other agencies' code and the rules are pure domain decisions");

    @ArchTest
    static final ArchRule scheduledJobsRunOncePerCluster = methods()
            .that().areAnnotatedWith(Scheduled.class)
            .should().beAnnotatedWith(SchedulerLock.class).orShould().beAnnotatedWith(EveryReplica.class)
            .because("every service runs in several replicas: a job without a lock would run once in each,"
                    + " which only a job whose effect stays in its replica may");
}

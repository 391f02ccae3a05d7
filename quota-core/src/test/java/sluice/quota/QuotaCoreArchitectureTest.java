package sluice.quota;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** quota-core is a library the gateway adapts: no web framework, and a core free of Redis. */
class QuotaCoreArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("sluice.quota");

    @Test
    void noClassDependsOnQuarkusJaxRsOrVertx() {
        noClasses().that().resideInAPackage("sluice.quota..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta.ws.rs..", "io.vertx..")
                .check(MAIN);
    }

    @Test
    void theDomainDoesNotKnowRedis() {
        noClasses().that().resideInAPackage("sluice.quota")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.redisson..", "io.netty..", "sluice.quota.redis..")
                .check(MAIN);
    }
}

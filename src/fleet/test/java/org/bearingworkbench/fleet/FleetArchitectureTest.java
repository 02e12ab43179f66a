package org.bearingworkbench.fleet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The fleet job stands on the core only; the front ends of the desktop app are not part of it. */
class FleetArchitectureTest {
    private static final JavaClasses FLEET = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.bearingworkbench.fleet");

    @Test
    void theJobUsesTheCoreNotTheFrontEnds() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.bearingworkbench.ui..",
                        "org.bearingworkbench.cli..",
                        "org.bearingworkbench.serve..",
                        "javafx..",
                        "io.javalin..")
                .because("the job reuses the core's readers, scoring and alarms; the window, the command line and "
                        + "the service are not on a cluster's classpath")
                .check(FLEET);
    }

    @Test
    void onlyTheEntryPointOwnsTheTerminal() {
        noClasses()
                .that()
                .doNotHaveSimpleName("FleetJob")
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .because("tasks report through their results and SLF4J")
                .check(FLEET);
    }
}

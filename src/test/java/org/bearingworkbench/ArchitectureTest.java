package org.bearingworkbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering of docs/architecture.md, enforced. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.bearingworkbench");

    @Test
    void onlyTheUiAndLauncherUseJavaFx() {
        noClasses().that().resideOutsideOfPackage("org.bearingworkbench.ui..")
                .and().doNotHaveFullyQualifiedName("org.bearingworkbench.Launcher")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.fair_acc..")
                .check(CLASSES);
    }

    @Test
    void onlyTheCliWritesToStandardOutput() {
        noClasses().that().resideOutsideOfPackage("org.bearingworkbench.cli..")
                .should().accessField(System.class, "out")
                .check(CLASSES);
    }

    @Test
    void theCoreDoesNotDependOnItsFrontEnds() {
        noClasses().that().resideOutsideOfPackages("org.bearingworkbench.ui..", "org.bearingworkbench.cli..")
                .and().doNotHaveFullyQualifiedName("org.bearingworkbench.Launcher")
                .should().dependOnClassesThat().resideInAnyPackage("org.bearingworkbench.ui..", "org.bearingworkbench.cli..")
                .check(CLASSES);
    }
}

package org.bearingworkbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering of docs/architecture.md, enforced; each rule says why it exists. */
class ArchitectureTest {
    private static final String ROOT = "org.bearingworkbench.";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar")) // the core's test jar (its helpers)
            .importPackages("org.bearingworkbench");

    @Test
    void onlyTheUiAndLauncherUseJavaFx() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.bearingworkbench.ui..")
                .and()
                .doNotHaveFullyQualifiedName("org.bearingworkbench.Launcher")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..", "io.fair_acc..")
                .because("the core runs headless: the CLI, a server and batch jobs must not need a display or JavaFX")
                .check(CLASSES);
    }

    @Test
    void theCoreAndTheAppAreFreeOfSpark() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.spark..", "org.apache.hadoop..", "scala..")
                .because("the fleet job is its own module (docs/decisions/0018): the desktop app, its installer and "
                        + "the core stay free of Spark, Hadoop and Scala")
                .check(CLASSES);
    }

    @Test
    void tablesawIsUsedForTablesInMemoryNotForReadingFiles() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("tech.tablesaw.io..", "com.ibm.icu..")
                .because("the workbench reads files itself (io, formats); tablesaw's readers detect charsets with ICU,"
                        + " which is left out of the build (14 MB of lib/)")
                .check(CLASSES);
    }

    @Test
    void onlyTheCliUsesTheStandardStreams() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.bearingworkbench.cli..")
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .orShould()
                .accessField(System.class, "in")
                .because("the core reports through return values, progress callbacks and SLF4J; only the command line "
                        + "owns the terminal (stdout carries machine-readable output such as --json)")
                .check(CLASSES);
    }

    @Test
    void onlyTheScoringServiceUsesTheHttpFramework() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.bearingworkbench.serve..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.javalin..", "org.eclipse.jetty..")
                .because("HTTP is one front end; the window, the CLI and the core must not need a web server "
                        + "(docs/decisions/0010)")
                .check(CLASSES);
    }

    @Test
    void theCoreDoesNotDependOnItsFrontEnds() {
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "org.bearingworkbench.ui..", "org.bearingworkbench.cli..", "org.bearingworkbench.serve..")
                .and()
                .doNotHaveFullyQualifiedName("org.bearingworkbench.Launcher")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.bearingworkbench.ui..", "org.bearingworkbench.cli..", "org.bearingworkbench.serve..")
                .because("the window and the command line are thin layers over one core; nothing below may call up")
                .check(CLASSES);
    }

    @Test
    void theLayersOfTheArchitectureDrawing() {
        layeredArchitecture()
                .consideringOnlyDependenciesInAnyPackage("org.bearingworkbench..")
                .layer("Front ends")
                .definedBy(ROOT + "ui..", ROOT + "cli..", ROOT + "serve..")
                .layer("Report")
                .definedBy(ROOT + "report..")
                .layer("Project")
                .definedBy(ROOT + "project..")
                .layer("Monitor")
                .definedBy(ROOT + "monitor..")
                .layer("Pipeline")
                .definedBy(ROOT + "pipeline..")
                .layer("Detect")
                .definedBy(ROOT + "detect..")
                .layer("Model")
                .definedBy(ROOT + "model..")
                .layer("IO")
                .definedBy(ROOT + "io..")
                .layer("Dataset")
                .definedBy(ROOT + "dataset..")
                .layer("Foundation")
                .definedBy(ROOT + "task..", ROOT + "features..", ROOT + "signal..")
                .whereLayer("Front ends")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Report")
                .mayOnlyBeAccessedByLayers("Front ends")
                .whereLayer("Project")
                .mayOnlyBeAccessedByLayers("Front ends")
                .whereLayer("Monitor")
                .mayOnlyBeAccessedByLayers("Front ends")
                .whereLayer("Pipeline")
                .mayOnlyBeAccessedByLayers("Front ends", "Report", "Monitor")
                .whereLayer("Detect")
                .mayOnlyBeAccessedByLayers("Front ends", "Report", "Monitor", "Pipeline")
                .whereLayer("Model")
                .mayOnlyBeAccessedByLayers("Front ends", "Report", "Monitor", "Project", "Pipeline", "Detect")
                .whereLayer("IO")
                .mayOnlyBeAccessedByLayers("Front ends", "Report", "Monitor", "Project", "Pipeline", "Model")
                .whereLayer("Dataset")
                .mayOnlyBeAccessedByLayers("Front ends", "Report", "Monitor", "Project", "Pipeline", "Model", "IO")
                .ignoreDependency(
                        DescribedPredicate.describe(
                                "the launcher", c -> c.getName().equals(ROOT + "Launcher")),
                        DescribedPredicate.alwaysTrue())
                .because("docs/architecture.md draws these arrows; a new arrow is a design change to make there first")
                .check(CLASSES);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.bearingworkbench.(*)..")
                .should()
                .beFreeOfCycles()
                .because("a cycle makes two packages one; each must be understandable and testable from below")
                .check(CLASSES);
    }
}

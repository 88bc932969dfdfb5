package be.venpmg.nestkaart;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The package map of the README, held by the compiled classes (a fast test: no application, no database). */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("be.venpmg.nestkaart");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("be.venpmg.nestkaart.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theSharedKernelUsesNoFeature() {
        noClasses().that().resideInAPackage("be.venpmg.nestkaart.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage("be.venpmg.nestkaart.access..",
                        "be.venpmg.nestkaart.directory..", "be.venpmg.nestkaart.editorial..",
                        "be.venpmg.nestkaart.geo..", "be.venpmg.nestkaart.interop..", "be.venpmg.nestkaart.quality..",
                        "be.venpmg.nestkaart.search..", "be.venpmg.nestkaart.taxonomy..",
                        "be.venpmg.nestkaart.training..")
                .check(MAIN);
    }

    /** One persistence style: SQL lives in stores; what serves a request or a command never sees JDBC. */
    @Test
    void controllersAndCommandsTouchNoJdbc() {
        noClasses().that().haveSimpleNameEndingWith("Controller").or().haveSimpleNameEndingWith("Command")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "io.micronaut.data.jdbc..")
                .check(MAIN);
    }

    /**
     * No SQLException above the stores: a store method answers in values or a runtime DataAccessException (a JDBC
     * binder interface, like {@code kernel.Inserts.Binder}, is how a store sets parameters and may declare it).
     */
    @Test
    void noPublicMethodThrowsSqlException() {
        noMethods().that().arePublic().and().areDeclaredInClassesThat().arePublic()
                .and().areDeclaredInClassesThat().areNotInterfaces()
                .should().declareThrowableOfType(java.sql.SQLException.class).check(MAIN);
    }

    /** No hand-managed connections: transactions are declared, connections are Micronaut Data's. */
    @Test
    void noClassOpensItsOwnConnection() {
        noClasses().should().callMethod(javax.sql.DataSource.class, "getConnection").check(MAIN);
    }
}

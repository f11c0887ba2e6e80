package io.playmark.infra.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module rules of the developers' guide, kept by a test: dependencies point one way (infra to the command and
 * query sides, both to the shared kernel), and no feature reaches into another feature's internals; features
 * meet only through the shared kernel.
 */
class ModuleBoundariesTest {

    private static final JavaClasses PLAYMARK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.playmark");

    @Test
    void the_shared_kernel_depends_on_no_other_module() {
        check(noClasses().that().resideInAPackage("io.playmark.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage("io.playmark.command..", "io.playmark.query..",
                        "io.playmark.infra.."));
    }

    @Test
    void the_command_side_knows_nothing_of_the_query_side_or_infra() {
        check(noClasses().that().resideInAPackage("io.playmark.command..")
                .should().dependOnClassesThat().resideInAnyPackage("io.playmark.query..", "io.playmark.infra.."));
    }

    @Test
    void the_query_side_knows_nothing_of_the_command_side_or_infra() {
        check(noClasses().that().resideInAPackage("io.playmark.query..")
                .should().dependOnClassesThat().resideInAnyPackage("io.playmark.command..", "io.playmark.infra.."));
    }

    @Test
    void command_side_features_do_not_reach_into_each_other() {
        check(features("io.playmark.command.(*).."));
    }

    @Test
    void query_side_features_do_not_reach_into_each_other() {
        // consistency, graphql, search (versioned indexes) and rebuild are the query side's shared plumbing, not features
        check(features("io.playmark.query.(*)..")
                .ignoreDependency(alwaysTrue(), resideInAnyPackage("io.playmark.query.consistency..",
                        "io.playmark.query.graphql..", "io.playmark.query.search..", "io.playmark.query.rebuild..")));
    }

    private static SliceRule features(String pattern) {
        return slices().matching(pattern).should().notDependOnEachOther();
    }

    private static void check(ArchRule rule) {
        rule.check(PLAYMARK);
    }
}
